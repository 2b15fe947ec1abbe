package dev.reload.agent.watch;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The class files written under a temporary name ({@link ClassFiles#isTemporaryClassFile}) and not renamed yet: a tool
 * that replaces class files atomically writes all of them first, then renames each over its own, so while one is left
 * the build is not done, however long the renames take on a busy machine. A batch waits for them rather than for a
 * quiet period, which a writer descheduled between two renames can outlast (a burst of 100 renames came apart into 3
 * redefinitions on an idle 2-core machine that way), and for the class file event each rename gives, which a busy
 * machine may keep from the watcher for longer than a settle period. A temporary file nobody renames (a tool stopped
 * half way) is forgotten {@code forgetNanos} after the last one was written or renamed, so it holds back at most the
 * batch after it.
 *
 * <p>Such a tool also says when it is done: once it has renamed every temporary file it wrote, and wrote none after
 * its first rename, the burst is {@linkplain #complete() complete} with the class file of its last rename, and the
 * batch need not wait twice the longest pause between two renames for more (on a busy machine, up to 100 ms). A tool
 * that writes and renames file by file, or in several rounds, says nothing of the kind: its burst waits as any other.
 * Not thread-safe: the collector guards it with its lock.
 */
final class PendingRenames {
    private final long forgetNanos;
    /** The temporary files not renamed yet, to when each was last written. */
    private final Map<Path, Long> unrenamed = new HashMap<>();
    /** The class files renamed to in this burst whose own event has not come yet. */
    private final Set<Path> renamedTo = new HashSet<>();
    /** The class files written or renamed to in this burst, to when each last came. */
    private final Map<Path, Long> arrivedAt = new HashMap<>();
    private boolean seenAny;
    private long lastSeenNanos;
    /** True once a temporary file was renamed since the last batch was handed out. */
    private boolean renamedInBurst;
    /** True when this burst cannot tell it is complete: a temporary file written after a rename, or events lost. */
    private boolean unknownEnd;

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
        unknownEnd |= renamedInBurst; // a tool renaming in rounds: the last rename of one round ends nothing
        unrenamed.put(file, now);
        seenAny = true;
        lastSeenNanos = now;
    }

    /**
     * Notes that a temporary file is gone: renamed over its class file, or deleted. Its class file's event is due:
     * the burst is not complete without it (and never is, when the temporary file was deleted rather than renamed).
     *
     * @param file the temporary file, never null
     * @param now its {@link System#nanoTime()}
     * @return true when it was one still to be renamed
     */
    boolean gone(Path file, long now) {
        Long writtenAt = unrenamed.remove(file);
        if (writtenAt == null) {
            return false;
        }
        lastSeenNanos = now;
        renamedInBurst = true;
        Path classFile = ClassFiles.renamedTo(file);
        Long cameAt = arrivedAt.get(classFile);
        // A watcher that polls reports the class file before the temporary file's deletion: then it has come.
        if (cameAt == null || cameAt - writtenAt < 0) {
            renamedTo.add(classFile);
        }
        return true;
    }

    /**
     * Notes that a class file was written, or renamed to.
     *
     * @param classFile the class file, never null
     * @param now its {@link System#nanoTime()}
     */
    void arrived(Path classFile, long now) {
        renamedTo.remove(classFile);
        arrivedAt.put(classFile, now);
    }

    /**
     * {@return true when this burst renamed temporary files, every one written is renamed, the class file of each
     * rename has come, and none was written after the burst's first rename: the tool is done}
     */
    boolean complete() {
        return renamedInBurst && !unknownEnd && unrenamed.isEmpty() && renamedTo.isEmpty();
    }

    /** Notes that the batch was handed out: the next burst tells its own end. */
    void handedOut() {
        renamedInBurst = false;
        unknownEnd = false;
        renamedTo.clear();
        arrivedAt.clear();
    }

    /**
     * Forgets the temporary files below a directory whose events were lost (the platform's queue overflowed): their
     * renames may have been among them, and the files still there are reported again as the tree is read again.
     *
     * @param directory the directory read again, never null
     */
    void lostBelow(Path directory) {
        unrenamed.keySet().removeIf(file -> file.startsWith(directory));
        renamedTo.removeIf(file -> file.startsWith(directory));
        unknownEnd = true;
    }

    /** {@return true when a temporary file was written or renamed at {@code nanos} or later} */
    boolean seenSince(long nanos) {
        return seenAny && lastSeenNanos - nanos >= 0;
    }

    /**
     * {@return how much longer a batch waits for the renames still to come, and for the class file event of each rename
     * made; 0 when none is left to wait for} The two events of a rename come one after the other, but a busy machine
     * may keep the watcher from the second for longer than a settle period: the batch would go out without that file.
     */
    long waitLeft(long now) {
        if (unrenamed.isEmpty() && renamedTo.isEmpty()) {
            return 0;
        }
        long left = lastSeenNanos + forgetNanos - now;
        if (left <= 0) {
            // Left behind: no rename is coming, and a temporary file deleted rather than renamed gives no class file.
            unrenamed.clear();
            renamedTo.clear();
            return 0;
        }
        return left;
    }
}
