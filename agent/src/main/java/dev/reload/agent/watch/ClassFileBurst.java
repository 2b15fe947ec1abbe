package dev.reload.agent.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class files (and sources) written since the last batch, and how much longer they wait for the build's writes to
 * pause: the quiet period after the last write, longer for a burst ({@link BurstPace}) and while class files written
 * under a temporary name are still to be renamed over their own ({@link PendingRenames}), shorter when every file was
 * read whole and has what it names ({@link BurstReferences}). The class files' counterpart of {@link AssetBurst}, apart
 * from the collector, which locks, waits and hands batches out, so that the rules for a build's pauses read in one
 * place. Not thread-safe: the collector guards it, and the {@link ReadAhead} and {@link MissingFiles} it shares with
 * it, with its lock.
 */
final class ClassFileBurst {
    /** A burst that never goes quiet is cut after this many quiet periods, so changes are not held back forever. */
    private static final int LONGEST_BURST_IN_QUIET_PERIODS = 40;
    private static final long LONGEST_BURST_FLOOR_NANOS = Duration.ofMillis(500).toNanos();
    /** How long after the last write a whole file naming a member no class has waits, at least, for the file adding it. */
    static final long MISSING_REFERENCE_WAIT_NANOS = Duration.ofMillis(500).toNanos();

    private final long longestBurstNanos;
    /** The longest a burst of renames, or a tree whose events were lost, holds the batch. */
    private final long rebuildSettleNanos;
    private final ReadAhead readAhead;
    private final BurstReferences references;
    private final MissingFiles missing;
    /** File to root, in the order first seen. */
    private final Map<Path, Path> pending = new LinkedHashMap<>();
    /** {@link #pending}'s files in the same order, to look on at them from where the last look stopped. */
    private final List<Path> order = new ArrayList<>();
    /** How many of {@link #order}'s first files the last look found whole, and {@link ReadAhead#wholeLost} then. */
    private int wholeFirst;
    private long wholeLostAtLook;
    /** See {@link #deletionQuietLeft}. */
    static final long DELETION_QUIET_NANOS = Duration.ofMillis(500).toNanos();
    private final BurstPace pace;
    private final PendingRenames renames;
    private long firstEventNanos;
    private long lastEventNanos;
    /** {@link ReadAhead#changes()} when the burst's references were last found met or not, and whether they were. */
    private long referencesCheckedAt = -1;
    private boolean referencesMet;

    /**
     * @param quietNanos the quiet period, 0 or more
     * @param rebuildSettleNanos the longest a burst of renames, or a tree whose events were lost, holds the batch
     * @param readAhead what was read of the files written, never null
     * @param references what the files read whole name, never null
     * @param missing the deleted class files and the trees being read again, never null
     */
    ClassFileBurst(long quietNanos, long rebuildSettleNanos, ReadAhead readAhead, BurstReferences references,
                   MissingFiles missing) {
        this.longestBurstNanos = Math.max(LONGEST_BURST_FLOOR_NANOS, quietNanos * LONGEST_BURST_IN_QUIET_PERIODS);
        this.rebuildSettleNanos = rebuildSettleNanos;
        this.readAhead = readAhead;
        this.references = references;
        this.missing = missing;
        this.pace = new BurstPace(quietNanos);
        this.renames = new PendingRenames(longestBurstNanos);
    }

    /**
     * Notes a write of a class file or a source at {@code now} ({@link System#nanoTime()}).
     *
     * @return true when it is the first write of the burst
     */
    boolean written(Path root, Path file, long now) {
        boolean first = pending.isEmpty();
        if (first) {
            firstEventNanos = now;
        }
        lastEventNanos = now;
        int before = pending.size();
        if (pending.putIfAbsent(file, root) == null) {
            order.add(file);
        }
        pace.written(now, before, pending.size());
        renames.arrived(file, now);
        return first;
    }

    /** Notes a write of a class file under a temporary name ({@link ClassFiles#isTemporaryClassFile}). */
    void temporaryWritten(Path file, long now) {
        renames.written(file, now);
    }

    /**
     * Notes that a class file written under a temporary name was deleted.
     *
     * @return true when it was renamed over its own class file, whose write is still to be reported
     */
    boolean temporaryGone(Path file, long now) {
        if (renames.gone(file, now)) {
            // Its class file's event follows: until it does, the rename counts as the build's last write.
            lastEventNanos = now;
            return true;
        }
        return false;
    }

    /** Notes that the events of a watched tree were lost: only the temporary files still there count from now on. */
    void eventsLost(Path root) {
        renames.lostBelow(root);
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    int size() {
        return pending.size();
    }

    /** {@return the files written, to their watched roots, in the order first seen; a view} */
    Map<Path, Path> files() {
        return Collections.unmodifiableMap(pending);
    }

    /** {@return the nanoTime of the burst's first write; meaningless while it is empty} */
    long firstEventNanos() {
        return firstEventNanos;
    }

    /** {@return the nanoTime of the burst's last write, or of a rename its class file's event is still to follow} */
    long lastEventNanos() {
        return lastEventNanos;
    }

    /** {@return how much longer class files written under a temporary name are waited for; 0 when none is} */
    long renamesLeft(long now) {
        return renames.waitLeft(now);
    }

    /** {@return how much longer the batch waits for the build's writes to pause; 0 when it is handed out now} */
    long quietLeft(long now) {
        long quietLeft = pending.isEmpty() ? 0 : lastEventNanos + pace.quietNanos() - now;
        long renamesLeft = pending.isEmpty() ? 0 : Math.max(renames.waitLeft(now), missing.rereadLeft(now));
        if (renamesLeft > 0) {
            // The build has class files still to rename over their own, or a tree whose events were lost is being read
            // again to find them: it is not done, whatever the pause says, and no endless burst while its renames go
            // on (a thousand of them take longer than the longest burst on a busy machine), up to the wait for a
            // rebuild.
            return Math.max(0, Math.min(renamesLeft, firstEventNanos + rebuildSettleNanos - now));
        }
        long burstLeft = firstEventNanos + longestNanos() - now;
        if (allWhole()) {
            // A tool done renaming what it wrote says the burst is over: only the settle period, not the pauses.
            long ready = renames.complete() ? pace.settleNanos() : pace.readyNanos();
            long readyLeft = lastEventNanos + ready - now;
            // Wake up when the batch could be ready; its references are looked at once it has been quiet that long.
            // A whole file naming a member no class has waits for the file that adds it at least half a second after
            // the last write: applied without it, the call would throw NoSuchMethodError into the program, and a
            // loaded machine may keep the build's next file back for longer than a short quiet period.
            quietLeft = readyLeft > 0 ? readyLeft : referencesMet() ? 0
                    : Math.max(quietLeft, lastEventNanos + MISSING_REFERENCE_WAIT_NANOS - now);
        }
        return quietLeft <= 0 || burstLeft <= 0 ? 0 : Math.min(quietLeft, burstLeft);
    }

    /**
     * {@return how much longer until the pending files have gone without a write long enough to tell that a deleted
     * class file they do not name will not be written again}: half a second, or the quiet period if longer, however
     * ready they are. A rebuild writes back what it deleted file by file, a javac pause (tens of milliseconds) apart
     * and far more than the default quiet period: its first files alone say nothing of the rest.
     */
    long deletionQuietLeft(long now) {
        return pending.isEmpty() ? 0
                : Math.max(0, lastEventNanos + Math.max(pace.quietNanos(), DELETION_QUIET_NANOS) - now);
    }

    /**
     * {@return true when every pending file was read whole since its last write}: looks on from the files found whole
     * before, unless one of those was written again since, so a burst of a thousand files is not looked at in full
     * after each of its writes
     */
    boolean allWhole() {
        if (readAhead.wholeLost() != wholeLostAtLook) {
            wholeFirst = 0;
            wholeLostAtLook = readAhead.wholeLost();
        }
        wholeFirst = readAhead.wholeFrom(order, wholeFirst);
        return wholeFirst == order.size();
    }

    /** {@return true once the burst has gone on for as long as one may: it goes out now, whatever is left to read} */
    boolean overLongest(long now) {
        return !pending.isEmpty() && now - firstEventNanos >= longestNanos();
    }

    /**
     * {@return how long the burst may go on in all}: a burst of renames is no endless burst, it ends with its last
     * rename, and the class file that rename gives follows the temporary file's deletion
     */
    private long longestNanos() {
        return renames.seenSince(firstEventNanos) ? rebuildSettleNanos : longestBurstNanos;
    }

    /** {@return true when every class, field and method the pending files name is there to link} */
    boolean referencesMet() {
        if (referencesCheckedAt != readAhead.changes()) {
            referencesMet = references.met(readAhead.wholeFiles(pending.keySet()));
            referencesCheckedAt = readAhead.changes();
        }
        return referencesMet;
    }

    /**
     * {@return for each pending file that names a class member missing for certain, that member in words}: asked as
     * the burst goes out, once the wait for the file that adds it is over; empty when every reference is met
     */
    Map<Path, String> certainlyMissing() {
        return referencesMet() ? Map.of() : references.certainlyMissing(readAhead.wholeFiles(pending.keySet()));
    }

    /** {@return the files written, to their watched roots, in the order first seen, and starts a new burst} */
    Map<Path, Path> handOut() {
        Map<Path, Path> files = new LinkedHashMap<>(pending);
        pending.clear();
        order.clear();
        wholeFirst = 0;
        pace.handedOut();
        renames.handedOut();
        return files;
    }
}
