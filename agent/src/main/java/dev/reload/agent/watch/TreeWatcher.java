package dev.reload.agent.watch;

import java.nio.file.Path;
import java.util.Set;

/**
 * Watches directory trees of class files and tells a {@link ChangeCollector} about every class file
 * created or written below them, including in directories created later. A root that does not exist, or
 * that is deleted, is watched again from the moment it (re)appears, and every class file found in it then
 * counts as written.
 */
public interface TreeWatcher {
    /**
     * Starts watching a tree; cheap and safe to call from any thread, even inside a class file transformer.
     *
     * @param root an absolute, normalised directory path, never null; it need not exist yet
     * @return false when the root was already watched
     */
    boolean watch(Path root);

    /** {@return the roots watched so far} */
    Set<Path> roots();
}
