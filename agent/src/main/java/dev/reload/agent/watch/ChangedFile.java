package dev.reload.agent.watch;

import dev.reload.patcher.shape.ClassShape;

import java.nio.file.Path;

/**
 * A class file whose content differs from what the agent last saw, read once its writes went quiet.
 *
 * @param root the watched directory the file lies under, never null
 * @param file the absolute path of the file, never null
 * @param bytes the file's content at the time it was read, never null; not to be modified
 * @param hash the {@link ContentHash} of {@code bytes}
 * @param shape the shape of {@code bytes}, read while the batch's writes went on, or null when it was not (the batch
 *              reads it then)
 */
public record ChangedFile(Path root, Path file, byte[] bytes, long hash, ClassShape shape) {

    /** Makes a changed file whose shape is read with its batch. */
    public ChangedFile(Path root, Path file, byte[] bytes, long hash) {
        this(root, file, bytes, hash, null);
    }

    /** {@return the path below the root with {@code /} separators, such as {@code demo/Player.class}} */
    public String relativePath() {
        return ClassFiles.relativePath(root, file);
    }

    /** {@return the internal name the path promises, such as {@code demo/Player}} */
    public String expectedInternalName() {
        String relative = relativePath();
        return relative.substring(0, relative.length() - ClassFiles.SUFFIX.length());
    }
}
