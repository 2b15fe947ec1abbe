package dev.reload.agent.watch;

import java.nio.file.Path;

/**
 * The content each class file had when the class loaded from it was captured, as the collector's fallback for the
 * files it holds nothing newer of: the classes keep that hash, so the collector keeps no entry of its own, and no
 * path, for each class a program loads. Called on the collector's threads; never throws.
 */
public interface LoadTimeHashes {
    /** Knows no file: what the collector has until the classes are known. Not a lambda, as everything made early. */
    LoadTimeHashes NONE = new LoadTimeHashes() {
        @Override
        public Long of(Path file) {
            return null;
        }
    };

    /**
     * {@return the {@link ContentHash} of the file as a class loaded from it, once that class is compacted; null when
     * no class known loaded from it}
     *
     * @param file a class file under a watched directory, never null
     */
    Long of(Path file);

    /**
     * {@return true when a class known loaded from the file, compacted or not yet}: its deletion is waited for, and
     * said, even in the moment after it loaded
     *
     * @param file a class file under a watched directory, never null
     */
    default boolean loadedFrom(Path file) {
        return of(file) != null;
    }
}
