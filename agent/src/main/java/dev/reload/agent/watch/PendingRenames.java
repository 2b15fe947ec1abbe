package dev.reload.agent.watch;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The class files written under a temporary name ({@link ClassFiles#isTemporaryClassFile}) and not renamed yet: a
 * tool that replaces class files atomically writes all of them first, then renames each over its own, so while one is
 * left the build is not done, however long the renames take on a busy machine. A batch waits for them rather than
 * for a quiet period, which a writer descheduled between two renames can outlast (a burst of 100 renames came apart
 * into 3 redefinitions on an idle 2-core machine that way). A temporary file nobody renames (a tool stopped half way)
 * is forgotten {@code forgetNanos} after the last one was written or renamed, so it holds back at most the batch
 * after it.
 * Not thread-safe: the collector guards it with its lock.
 */
final class PendingRenames {
    private final long forgetNanos;
    private final Set<Path> unrenamed = new HashSet<>();
    private boolean seenAny;
    private long lastSeenNanos;

    /**
     * @param forgetNanos how long after the last temporary file was written or renamed the ones left are forgotten,
     *                    0 or more
     */
    PendingRenames(long forgetNanos) {
        this.forgetNanos = forgetNanos;
    }

    /**
     * Notes a class file written under a temporary name.
     *
     * @param file the temporary file, never null
     * @param now its {@link System#nanoTime()}
     */
    void written(Path file, long now) {
        unrenamed.add(file);
        seenAny = true;
        lastSeenNanos = now;
    }

    /**
     * Notes that a temporary file is gone: renamed over its class file, or deleted.
     *
     * @param file the temporary file, never null
     * @param now its {@link System#nanoTime()}
     * @return true when it was one still to be renamed
     */
    boolean gone(Path file, long now) {
        if (!unrenamed.remove(file)) {
            return false;
        }
        lastSeenNanos = now;
        return true;
    }

    /**
     * Forgets the temporary files below a directory whose events were lost (the platform's queue overflowed): their
     * renames may have been among them, and the files still there are reported again as the tree is read again.
     *
     * @param directory the directory read again, never null
     */
    void lostBelow(Path directory) {
        unrenamed.removeIf(file -> file.startsWith(directory));
    }

    /** {@return true when a temporary file was written or renamed at {@code nanos} or later} */
    boolean seenSince(long nanos) {
        return seenAny && lastSeenNanos - nanos >= 0;
    }

    /** {@return how much longer a batch waits for the renames still to come; 0 when none is left to wait for} */
    long waitLeft(long now) {
        if (unrenamed.isEmpty()) {
            return 0;
        }
        long left = lastSeenNanos + forgetNanos - now;
        if (left <= 0) {
            unrenamed.clear(); // left behind: no rename is coming
            return 0;
        }
        return left;
    }
}
