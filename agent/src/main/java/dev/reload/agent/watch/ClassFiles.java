package dev.reload.agent.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Small facts about class files in directory trees, shared by the watchers. */
public final class ClassFiles {
    /** The file name suffix of class files. */
    public static final String SUFFIX = ".class";

    private ClassFiles() {
    }

    /** {@return true when the path names a class file (by its name; the file may be gone)} */
    public static boolean isClassFile(Path path) {
        // A path keeps its string, and its file name is its end: no new Path and string for each of a burst's events.
        return path.toString().endsWith(SUFFIX);
    }

    /**
     * {@return true when the path names a class file written under a temporary name, to be renamed over its own
     * ({@code C.class.new}, {@code C.class.tmp}, rsync's {@code .C.class.Xy12ab}): a tool that replaces class files
     * atomically writes each under such a name, then renames it (by its name; the file may be gone)}
     */
    public static boolean isTemporaryClassFile(Path path) {
        String text = path.toString();
        return text.indexOf(SUFFIX + ".", nameStart(path, text)) >= 0;
    }

    /**
     * {@return true when the path names a class file under its own name or a temporary one ({@link #isClassFile},
     * {@link #isTemporaryClassFile}): what the watchers report, and never a directory or an asset}
     */
    public static boolean isClassOrTemporaryClassFile(Path path) {
        return isClassFile(path) || isTemporaryClassFile(path);
    }

    /**
     * {@return the class file a temporary class file is renamed to: {@code C.class} for {@code C.class.new} or rsync's
     * {@code .C.class.Xy12ab}, in the same directory}
     *
     * @param temporary a path for which {@link #isTemporaryClassFile} is true, never null
     */
    public static Path renamedTo(Path temporary) {
        String name = temporary.getFileName().toString();
        String classFile = name.substring(0, name.indexOf(SUFFIX + ".") + SUFFIX.length());
        // rsync hides its temporary file with a leading dot; a class file's name never starts with one.
        return temporary.resolveSibling(classFile.startsWith(".") ? classFile.substring(1) : classFile);
    }

    /** {@return the path of {@code file} below {@code root}, with {@code /} separators on every platform} */
    public static String relativePath(Path root, Path file) {
        String separator = file.getFileSystem().getSeparator();
        String rootText = root.toString();
        String fileText = file.toString();
        // The usual case, a file below its root, read off the strings both paths keep instead of a relativized Path.
        String relative = fileText.startsWith(rootText) && fileText.startsWith(separator, rootText.length())
                && !rootText.isEmpty() && !rootText.endsWith(separator)
                ? fileText.substring(rootText.length() + separator.length())
                : root.relativize(file).toString();
        return relative.replace(separator, "/");
    }

    /** {@return where the file name starts in the path's string} */
    private static int nameStart(Path path, String text) {
        return text.lastIndexOf(path.getFileSystem().getSeparator()) + 1;
    }

    /** {@return where the class file of an internal name such as {@code demo/Player} lies below a root} */
    public static Path fileOf(Path root, String internalName) {
        // Called for every class a program loads: String.concat spins no method handles at start, as + would.
        return root.resolve(internalName.replace("/", root.getFileSystem().getSeparator()).concat(SUFFIX));
    }

    /**
     * {@return every class file below a directory, empty when the directory is gone}
     *
     * @throws IOException when the tree cannot be read for another reason
     */
    public static List<Path> walk(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(ClassFiles::isClassFile).filter(Files::isRegularFile).toList();
        } catch (java.io.UncheckedIOException e) {
            // A directory vanished during the walk (mvn clean): what is left is re-read on the next event.
            throw e.getCause();
        }
    }
}
