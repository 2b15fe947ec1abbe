package dev.reload.agent.watch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The files that changed during one burst of writes (one compile, one save), to be applied together.
 *
 * @param files the changed class files (and sources, in compile mode) in the order they were first seen, never null;
 *     empty only when {@code assets} is not
 * @param assets the absolute paths of the changed assets that exist, in the order they were first seen, never null
 * @param firstEventNanos {@link System#nanoTime()} of the first write of a file in the burst, for the reported time
 * @param lastEventNanos {@link System#nanoTime()} of its last write (or rename), where the build's part of that time
 *     ends
 * @param assetsFirstEventNanos {@link System#nanoTime()} of the first write of an asset; meaningless without assets
 * @param settling whether the batch still stands once its settle period ends ({@link Settling#SETTLED} when it was
 *     handed out after it), never null
 * @param missingReferences for each class file that names a class member neither the running program nor the other
 *     files have, for certain, once the wait for the file adding it was over: that member in words; never null, and
 *     empty for almost every batch
 */
public record ChangeBatch(List<ChangedFile> files, List<Path> assets, long firstEventNanos, long lastEventNanos,
                          long assetsFirstEventNanos, Settling settling, Map<Path, String> missingReferences) {
    public ChangeBatch {
        files = List.copyOf(files);
        assets = List.copyOf(assets);
        missingReferences = Map.copyOf(missingReferences);
    }

    /** Makes a batch of class files (or sources) without assets. */
    public ChangeBatch(List<ChangedFile> files, long firstEventNanos, long lastEventNanos) {
        this(files, List.of(), firstEventNanos, lastEventNanos, firstEventNanos, Settling.SETTLED, Map.of());
    }

    /** {@return this batch with only the given files and no assets, standing or falling with this one} */
    public ChangeBatch withFiles(List<ChangedFile> some) {
        return new ChangeBatch(some, List.of(), firstEventNanos, lastEventNanos, firstEventNanos, settling,
                missingReferences);
    }
}
