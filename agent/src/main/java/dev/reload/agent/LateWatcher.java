package dev.reload.agent;

import dev.reload.agent.watch.TreeWatcher;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The watcher as {@code premain} hands it out, before the real one runs: roots asked for until then wait here and
 * go to the real watcher when the reload thread starts it; after that every call goes straight to it. So
 * {@code premain}, which delays the program's {@code main}, neither loads the watcher's classes nor starts its
 * threads. Thread-safe.
 */
final class LateWatcher implements TreeWatcher {
    /** Guarded by this; null once the real watcher runs. */
    private Set<Path> waiting = new LinkedHashSet<>();
    private volatile TreeWatcher started;

    @Override
    public boolean watch(Path root) {
        TreeWatcher watcher = started;
        if (watcher != null) {
            return watcher.watch(root);
        }
        synchronized (this) {
            return waiting != null ? waiting.add(root) : started.watch(root);
        }
    }

    @Override
    public Set<Path> roots() {
        TreeWatcher watcher = started;
        if (watcher != null) {
            return watcher.roots();
        }
        synchronized (this) {
            return waiting != null ? Set.copyOf(waiting) : started.roots();
        }
    }

    /**
     * Hands the roots asked for so far to the running watcher, and every later call.
     *
     * @param watcher the running watcher, never null
     * @throws IllegalStateException when a watcher was handed over already
     */
    synchronized void started(TreeWatcher watcher) {
        if (waiting == null) {
            throw new IllegalStateException("the watcher runs already");
        }
        for (Path root : waiting) {
            watcher.watch(root);
        }
        waiting = null;
        started = watcher;
    }
}
