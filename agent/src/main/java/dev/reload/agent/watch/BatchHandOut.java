package dev.reload.agent.watch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The consumer's side of the {@link ChangeCollector}: waits, on the one thread that takes batches, until the writes the
 * watchers reported have gone quiet ({@link ClassFileBurst}, {@link AssetBurst}, {@link MissingFiles}), reading the
 * files written meanwhile ({@link AheadReader}), and hands what was written out as a batch, without the files that
 * still hold what the agent knows ({@link KnownContents}). A single class file that waits only for its settle period is
 * handed out as soon as it is read, left pending, so that the reload thread judges and plans it meanwhile; the batch's
 * {@link Settling} then says whether the period ended with no other write, and only then is the file drained. Shares
 * the collector's lock and the bookkeeping it guards: the collector notes the writes, this decides when they go out.
 */
final class BatchHandOut {
    /** The most files read ahead in one go: enough to spread over the cores, few enough to notice writes soon. */
    private static final int READ_AHEAD_AT_ONCE = 256;

    /**
     * What the collector keeps of the writes not handed out yet, guarded by its lock.
     *
     * @param burst the class files written, never null
     * @param assets the assets written, never null
     * @param missing the deleted class files and the trees being read again, never null
     * @param rechecks the files to read again later, never null
     * @param suspects files of known content a tree read again reported, to their watched roots; never null
     */
    record Pending(ClassFileBurst burst, AssetBurst assets, MissingFiles missing, Rechecks rechecks,
                   Map<Path, Path> suspects) {
    }

    /** Told about each file a tree read again reported that no longer holds what the agent knows, as of a write. */
    private final ChangeCollector collector;
    private final ReentrantLock lock;
    /** Signalled when the consumer has something new to look at. */
    private final Condition wakeUp;
    /** Thread-safe on its own. */
    private final KnownContents known;
    /** Thread-safe on its own. */
    private final AheadReader reader;
    /** Guarded by {@code lock}. */
    private final ReadAhead readAhead;
    /** Guarded by {@code lock}. */
    private final ClassFileBurst burst;
    /** Guarded by {@code lock}. */
    private final AssetBurst assets;
    /** Guarded by {@code lock}. */
    private final MissingFiles missing;
    /** Guarded by {@code lock}. */
    private final Rechecks rechecks;
    /** Guarded by {@code lock}. */
    private final Map<Path, Path> suspects;
    /**
     * {@link ReadAhead#changes()} when a single file was last handed out before its settle period ended, so it is
     * handed out early once only; guarded by {@code lock}.
     */
    private long handedOutEarlyAt = -1;
    /** True while the consumer waits for time to pass rather than reads; guarded by {@code lock}. */
    private boolean consumerWaiting;
    /** Told, on the consumer thread, about the class files taken as removed for good. */
    private volatile Consumer<List<Path>> removedListener = NO_LISTENER;
    private static final Consumer<List<Path>> NO_LISTENER = new Consumer<>() {
        @Override
        public void accept(List<Path> removed) {
            // Nobody asked: the classes stay loaded all the same.
        }
    };

    /**
     * @param collector the collector whose writes this hands out, never null
     * @param lock the collector's lock, which guards {@code readAhead} and {@code pending}; never null
     * @param wakeUp signalled when the consumer has something new to look at, never null
     * @param known the content the agent last saw of each file, never null
     * @param reader reads the files written, never null
     * @param readAhead what was read of the files written, never null
     * @param pending the writes not handed out yet, never null
     */
    BatchHandOut(ChangeCollector collector, ReentrantLock lock, Condition wakeUp, KnownContents known,
                 AheadReader reader, ReadAhead readAhead, Pending pending) {
        this.collector = collector;
        this.lock = lock;
        this.wakeUp = wakeUp;
        this.known = known;
        this.reader = reader;
        this.readAhead = readAhead;
        this.burst = pending.burst();
        this.assets = pending.assets();
        this.missing = pending.missing();
        this.rechecks = pending.rechecks();
        this.suspects = pending.suspects();
    }

    /** Tells {@code listener} from now on about the deleted class files taken as removed for good. */
    void tellRemovedTo(Consumer<List<Path>> listener) {
        removedListener = listener;
    }

    /** {@return true while the consumer waits for time to pass: a write must wake it up}; the lock held */
    boolean consumerWaiting() {
        return consumerWaiting;
    }

    /** {@return the next batch of changed files, blocking until there is one} */
    ChangeBatch take() throws InterruptedException {
        while (true) {
            Drained drained = awaitQuiet();
            if (!drained.removed.isEmpty()) {
                removedListener.accept(drained.removed);
            }
            List<ChangedFile> files = known.changedFiles(drained.files, drained.forced, drained.readAhead);
            List<Path> changedAssets = known.changedAssets(drained.assets);
            if (!files.isEmpty() || !changedAssets.isEmpty()) {
                return new ChangeBatch(files, changedAssets, drained.firstEventNanos, drained.lastEventNanos,
                        drained.assetsFirstEventNanos, drained.settling, drained.missingReferences);
            }
        }
    }

    private Drained awaitQuiet() throws InterruptedException {
        while (true) {
            checkSuspects();
            List<ReadAhead.Unread> toRead;
            lock.lock();
            try {
                long now = System.nanoTime();
                List<Path> due = rechecks.due(now);
                boolean nothingPending = burst.isEmpty() && due.isEmpty() && assets.isEmpty()
                        && missing.noneVanished();
                long waitLeft = nothingPending ? Long.MAX_VALUE : waitLeft(now, due);
                // Read what was written so far while waiting for the rest, with nothing pending too: a tool that
                // replaces class files atomically writes them all under temporary names before its first rename. A new
                // outer class file read whole can also show that a deleted nested class is gone for good. A file not
                // read yet when the quiet period ended (the consumer kept from a core that long) is read before it
                // goes out, unless the burst has run its longest: read, it may name what the build has still to
                // write, which it then waits for.
                toRead = waitLeft == 0 && burst.overLongest(now) ? List.of() : readAhead.next(READ_AHEAD_AT_ONCE);
                if (toRead.isEmpty()) {
                    if (nothingPending) {
                        waitNanos(rechecks.nextDueNanos(now));
                        continue;
                    }
                    if (waitLeft == 0) {
                        return drain(now);
                    }
                    if (mayHandOutEarly(now)) {
                        return handOutEarly(now);
                    }
                    waitNanos(waitLeft);
                    continue;
                }
            } finally {
                lock.unlock();
            }
            // A burst of renames outruns one reader: its files are read on every core, and what its temporary files
            // held before.
            keep(reader.readAll(toRead));
        }
    }

    /** {@return how much longer the pending batch waits for its writes to go quiet; the lock held} */
    private long waitLeft(long now, List<Path> due) {
        long waitLeft = missing.rebuildLeft(now, readAhead);
        if (waitLeft > 0 && !burst.isEmpty() && burst.allWhole()) {
            // Not when its files are ready: a rebuild writing back what it deleted is not over when its first are.
            long quietLeft = Math.max(burst.quietLeft(now), burst.deletionQuietLeft(now));
            if (quietLeft > 0) {
                return Math.min(waitLeft, quietLeft); // to look at the deleted classes again once the burst is over
            }
            // The burst is over: a deleted class it does not name was removed, not deleted for a rebuild.
            missing.removedUnlessNamed(readAhead.wholeFiles(burst.files().keySet()).values());
            waitLeft = missing.rebuildLeft(now, readAhead);
        }
        if (waitLeft == 0) {
            // Assets go out with the class files, or once none is pending.
            waitLeft = burst.isEmpty() && due.isEmpty() ? assets.quietLeft(now) : burst.quietLeft(now);
        }
        return waitLeft;
    }

    /**
     * Takes the files a tree read again reported as it would a write, those that no longer hold what the agent knows
     * ({@link ChangeCollector#rescanned}); reads and hashes them on every core (most are only looked at), outside the lock.
     */
    private void checkSuspects() {
        Map<Path, Path> checking;
        lock.lock();
        try {
            if (suspects.isEmpty()) {
                return;
            }
            checking = new LinkedHashMap<>(suspects);
            suspects.clear();
        } finally {
            lock.unlock();
        }
        List<Path> files = new ArrayList<>(checking.keySet());
        List<Boolean> held = known.holdKnown(files);
        for (int i = 0; i < files.size(); i++) {
            if (!held.get(i)) {
                collector.touched(checking.get(files.get(i)), files.get(i));
            }
        }
    }

    private void keep(List<FileRead> read) {
        lock.lock();
        try {
            for (FileRead each : read) {
                readAhead.read(each);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@return true when the batch is a single class file, read whole into its shape, that has what it names and
     * waits for nothing but its settle period, and it was not handed out early since it was last written}
     */
    private boolean mayHandOutEarly(long now) {
        return burst.size() == 1 && handedOutEarlyAt != readAhead.changes() && assets.isEmpty()
                && rechecks.isEmpty() && missing.isEmpty() && burst.renamesLeft(now) == 0
                && burst.allWhole()
                && readAhead.shaped(burst.files().keySet().iterator().next()) && burst.referencesMet();
    }

    /**
     * {@return the pending file as a batch, left pending}: the reload thread judges and plans it while its settle period
     * runs, and applies it only if {@link #settledEarly} says that period ended with no other write. Only then is it
     * drained, where and when it would have been without this.
     */
    private Drained handOutEarly(long now) {
        Path file = burst.files().keySet().iterator().next();
        byte[] bytes = readAhead.wholeBytes(file);
        long changes = readAhead.changes();
        handedOutEarlyAt = changes;
        return new Drained(new LinkedHashMap<>(burst.files()), Map.of(), readAhead.reads(), List.of(),
                burst.firstEventNanos(), burst.lastEventNanos(), now, new Settling() {
                    // A class of its own, not a lambda: every single-class save is handed out early.
                    @Override
                    public boolean await() throws InterruptedException {
                        return settledEarly(file, bytes, changes);
                    }
                }, Map.of(), List.of()); // handed out early only when what it names is there, and nothing deleted
    }

    /**
     * {@return true once a file handed out early has had its settle period with no other write (it is drained now);
     * false when something else was written meanwhile: it stays pending, to go out with what followed}. The file written
     * again with the bytes handed out only moves the end of the period: a save truncates the file, then writes it, and
     * the platform may report each.
     *
     * @param file the file handed out, with {@code bytes}
     * @param changes {@link ReadAhead#changes()} when it was handed out
     */
    private boolean settledEarly(Path file, byte[] bytes, long changes) throws InterruptedException {
        long seen = changes;
        List<Path> removed;
        while (true) {
            List<ReadAhead.Unread> toRead;
            lock.lock();
            try {
                // A class file deleted meanwhile goes out with the normal batch, which tells whether it is removed.
                if (burst.size() != 1 || !assets.isEmpty() || !rechecks.isEmpty() || !suspects.isEmpty()
                        || !missing.noneVanished()) {
                    return false;
                }
                if (readAhead.changes() == seen) {
                    long now = System.nanoTime();
                    long waitLeft = burst.quietLeft(now);
                    if (waitLeft == 0) {
                        removed = drain(now).removed; // of an earlier burst: this one has no deleted file
                        break;
                    }
                    waitNanos(waitLeft);
                    continue;
                }
                toRead = readAhead.next(1);
                if (toRead.isEmpty()) {
                    if (!Arrays.equals(bytes, readAhead.wholeBytes(file))) {
                        return false;
                    }
                    seen = readAhead.changes();
                    continue;
                }
            } finally {
                lock.unlock();
            }
            keep(List.of(reader.read(toRead.get(0))));
        }
        if (!removed.isEmpty()) {
            removedListener.accept(removed);
        }
        return true;
    }

    private Drained drain(long now) {
        Map<Path, String> missingReferences = burst.isEmpty() ? Map.of() : burst.certainlyMissing();
        Map<Path, Path> files = burst.handOut();
        Map<Path, Path> forced = rechecks.takeDue(now, files);
        boolean assetsQuiet = !assets.isEmpty() && assets.quietLeft(now) == 0;
        long assetsFirst = assetsQuiet ? assets.firstWriteNanos() : now;
        return new Drained(files, forced, readAhead.take(), assetsQuiet ? assets.drain() : List.of(),
                files.isEmpty() ? now : burst.firstEventNanos(), files.isEmpty() ? now : burst.lastEventNanos(),
                assetsFirst, Settling.SETTLED, missingReferences, missing.takeRemoved());
    }

    @SuppressWarnings("WaitNotInLoop") // awaitQuiet and settledEarly, its only callers, loop and check again
    private void waitNanos(long nanos) throws InterruptedException {
        consumerWaiting = true;
        try {
            if (nanos == Long.MAX_VALUE) {
                wakeUp.await();
            } else if (nanos > 0) {
                wakeUp.awaitNanos(nanos);
            }
        } finally {
            consumerWaiting = false;
        }
    }

    private record Drained(Map<Path, Path> files, Map<Path, Path> forced, Map<Path, FileRead> readAhead,
                           List<Path> assets, long firstEventNanos, long lastEventNanos, long assetsFirstEventNanos,
                           Settling settling, Map<Path, String> missingReferences, List<Path> removed) {
    }
}
