package dev.reload.agent.watch;

import dev.reload.agent.parallel.Attempt;
import dev.reload.agent.parallel.BatchSteps;
import dev.reload.patcher.rewrite.ClassFileReferences;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;

/**
 * Merges the writes the watchers see into batches: a batch is handed out once no write has been seen for
 * the quiet period, its files are read, and files whose content is what the agent last saw are dropped. Files are
 * read as they are written; files read whole that have what they name (the members of other classes they use are in
 * the running program or in the batch, {@link BurstReferences}) only wait for the build's next file, a fraction of the
 * quiet period ({@link BurstPace}). While class files written under a temporary name are still to be renamed over
 * their own, the batch waits for them ({@link PendingRenames}); once such a tool has renamed all it wrote, the batch
 * waits only the settle period after its last rename. A single class file that waits only for its settle period is
 * handed out as soon as it is read, left pending, so that the reload thread judges and plans it meanwhile; the batch's
 * {@link Settling} then says whether the period ended with no other write, and only then is the file drained.
 * Assets (every other file of a watched tree, {@link AssetFiles}) wait for their own quiet period ({@link AssetBurst}):
 * class files never wait for them, and they never go out before class files seen before them, so a hook's new code
 * reads the assets saved with it.
 * Watchers call {@link #touched}; one consumer thread calls {@link #take()}. Writes that arrive while the
 * consumer works on a batch go into the next one. Thread-safe.
 */
public final class ChangeCollector {
    /** A burst that never goes quiet is cut after this many quiet periods, so changes are not held back forever. */
    private static final int LONGEST_BURST_IN_QUIET_PERIODS = 40;
    private static final long LONGEST_BURST_FLOOR_NANOS = Duration.ofMillis(500).toNanos();
    /** How long after the last write a whole file naming a member no class has waits, at least, for the file adding it. */
    static final long MISSING_REFERENCE_WAIT_NANOS = Duration.ofMillis(500).toNanos();
    /**
     * How long a batch waits for deleted class files to be written again. A full rebuild ({@code mvn compile}
     * after a change it cannot compile incrementally) deletes every class file of a module for about a second
     * before it writes them again: applying half of that would run new code against classes that are missing.
     */
    static final long REBUILD_SETTLE_NANOS = Duration.ofSeconds(3).toNanos();
    /** The most files read ahead in one go: enough to spread over the cores, few enough to notice writes soon. */
    private static final int READ_AHEAD_AT_ONCE = 256;

    private final long longestBurstNanos;
    private final BiConsumer<Path, IOException> unreadable;
    /** A lock, not a monitor: {@link Object#wait(long, int)} waits whole milliseconds, longer than a settle period. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when the consumer has something new to look at. */
    private final Condition wakeUp = lock.newCondition();
    /** The watched trees whose events were lost and that are being read again, {@link #reread} not called yet. */
    private final Set<Path> rereading = new HashSet<>();
    /** When the first of {@link #rereading} lost its events. */
    private long rereadingSinceNanos;
    /** File to root, in the order first seen; guarded by {@code lock}. */
    private final Map<Path, Path> pending = new LinkedHashMap<>();
    /** Files to read again even if unchanged, with the nanoTime they are due; guarded by {@code lock}. */
    private final Map<Path, Recheck> rechecks = new HashMap<>();
    private final Map<Path, Long> knownHashes = new ConcurrentHashMap<>();
    /** Guarded by {@code lock}. */
    private final ReadAhead readAhead = new ReadAhead();
    /** Used by the consumer thread. */
    private final BurstReferences references = new BurstReferences();
    /**
     * {@link ReadAhead#changes()} when the batch's references were last found met or not, and whether they were;
     * guarded by {@code lock}.
     */
    private long referencesCheckedAt = -1;
    private boolean referencesMet;
    /** Guarded by {@code lock}. */
    private final BurstPace pace;
    /** Guarded by {@code lock}. */
    private final AssetBurst assets = new AssetBurst();
    /** Guarded by {@code lock}. */
    private final PendingRenames renames;
    /** Known class files deleted and not written again yet; guarded by {@code lock}. */
    private final Set<Path> vanished = new HashSet<>();
    private long lastDeleteNanos;
    private long firstEventNanos;
    private long lastEventNanos;
    /**
     * {@link ReadAhead#changes()} when a single file was last handed out before its settle period ended, so it is
     * handed out early once only; guarded by {@code lock}.
     */
    private long handedOutEarlyAt = -1;
    /** True while the consumer waits for time to pass rather than reads; guarded by {@code lock}. */
    private boolean consumerWaiting;

    /**
     * @param quietPeriod how long the trees must stay quiet before a batch is handed out, never null
     * @param unreadable told about a file that exists but cannot be read, never null
     */
    public ChangeCollector(Duration quietPeriod, BiConsumer<Path, IOException> unreadable) {
        long quietNanos = quietPeriod.toNanos();
        this.longestBurstNanos = Math.max(LONGEST_BURST_FLOOR_NANOS, quietNanos * LONGEST_BURST_IN_QUIET_PERIODS);
        this.pace = new BurstPace(quietNanos);
        this.renames = new PendingRenames(longestBurstNanos);
        this.unreadable = unreadable;
    }

    /**
     * Looks the classes that class files name up with {@code lookup} from now on, so that a batch whose files use
     * only what the program has does not wait the quiet period (until then, each does).
     *
     * @param lookup finds the running classes and the class files their loaders would load, never null
     */
    public void lookUpClassesWith(ClassLookup lookup) {
        references.lookUpWith(lookup);
    }

    /**
     * Notes that a class file, a source or an asset under a watched root was created or written.
     *
     * @param root the watched directory, never null
     * @param file the file, never null
     */
    public void touched(Path root, Path file) {
        if (ClassFiles.isTemporaryClassFile(file)) {
            lock.lock();
            try {
                renames.written(file, System.nanoTime());
            } finally {
                lock.unlock();
            }
            return;
        }
        if (!ClassFiles.isClassFile(file) && !file.toString().endsWith(".java")) {
            assetTouched(root, file); // which drops editors' leftovers
            return;
        }
        lock.lock();
        try {
            long now = System.nanoTime();
            boolean first = pending.isEmpty();
            if (first) {
                firstEventNanos = now;
            }
            lastEventNanos = now;
            int before = pending.size();
            pending.putIfAbsent(file, root);
            pace.written(now, before, pending.size());
            renames.arrived(file);
            readAhead.touched(file);
            // A later write moves the consumer's deadline later, and gives it a file to read: a consumer busy reading
            // finds it without a wake-up, so a burst of a thousand events does not cost a thousand wake-ups.
            if (vanished.remove(file) || first || consumerWaiting) {
                wakeUp.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private void assetTouched(Path root, Path file) {
        if (!AssetFiles.isAsset(root, file)) {
            return;
        }
        lock.lock();
        try {
            boolean first = assets.isEmpty() && pending.isEmpty();
            assets.written(file, System.nanoTime());
            if (first || consumerWaiting) {
                wakeUp.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands an asset out again even if its content is what was handed out last: one held back while paused.
     *
     * @param file the asset, never null
     */
    public void assetAgain(Path file) {
        knownHashes.remove(file);
        assetTouched(file.getParent(), file);
    }

    /**
     * Notes that a class file under a watched root was deleted. When it is the file of a class the agent
     * knows, batches wait until it is written again, or until {@link #REBUILD_SETTLE_NANOS} pass without
     * another deletion (the class was removed for good). When it is a class file written under a temporary name
     * ({@link ClassFiles#isTemporaryClassFile}), it was renamed to its own name, or given up.
     *
     * @param file the class file, never null
     */
    public void deleted(Path file) {
        if (ClassFiles.isTemporaryClassFile(file)) {
            lock.lock();
            try {
                long now = System.nanoTime();
                if (renames.gone(file, now)) {
                    // Its class file's event follows: until it does, the rename counts as the build's last write.
                    lastEventNanos = now;
                    if (consumerWaiting) {
                        wakeUp.signalAll();
                    }
                }
            } finally {
                lock.unlock();
            }
            return;
        }
        if (!knownHashes.containsKey(file)) {
            return;
        }
        lock.lock();
        try {
            vanished.add(file);
            lastDeleteNanos = System.nanoTime();
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Notes that the events of a watched tree were lost (too many at once) and that the tree is about to be read
     * again, every file in it reported as written: the renames of class files written under a temporary name may have
     * been lost with them, so only the temporary files still there count from now on.
     *
     * @param root the watched directory, never null
     */
    public void eventsLost(Path root) {
        lock.lock();
        try {
            renames.lostBelow(root);
            if (rereading.isEmpty()) {
                rereadingSinceNanos = System.nanoTime();
            }
            rereading.add(root);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Notes that a tree whose events were lost has been read again whole ({@link #eventsLost}): until then, no class
     * file goes out. The temporary files a tool has still to rename, which hold its burst together, are known again
     * only once the read reached them; handed out before, a burst of renames would come apart in two batches.
     *
     * @param root the watched directory, never null
     */
    public void reread(Path root) {
        lock.lock();
        try {
            rereading.remove(root);
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Asks for a file to be read again after a delay and handed out even if its content did not change,
     * so a file that could not be parsed is looked at again once its writes settle.
     */
    public void recheck(Path root, Path file, Duration delay) {
        lock.lock();
        try {
            rechecks.put(file, new Recheck(root, System.nanoTime() + delay.toNanos()));
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Records the content the program now runs (or that was judged), so identical writes are dropped. */
    public void remember(Path file, long hash) {
        knownHashes.put(file, hash);
    }

    /** Records the content a file had when its class was loaded, unless something newer is known. */
    public void rememberIfAbsent(Path file, long hash) {
        knownHashes.putIfAbsent(file, hash);
    }

    /**
     * {@return the next batch of changed files, blocking until there is one}
     *
     * @throws InterruptedException when the consumer thread is interrupted while waiting
     */
    public ChangeBatch take() throws InterruptedException {
        while (true) {
            Drained drained = awaitQuiet();
            List<ChangedFile> files = read(drained);
            List<Path> changedAssets = changedAssets(drained.assets);
            if (!files.isEmpty() || !changedAssets.isEmpty()) {
                return new ChangeBatch(files, changedAssets, drained.firstEventNanos, drained.assetsFirstEventNanos,
                        drained.settling);
            }
        }
    }

    private Drained awaitQuiet() throws InterruptedException {
        while (true) {
            List<Path> toRead;
            lock.lock();
            try {
                long now = System.nanoTime();
                List<Path> due = dueRechecks(now);
                if (pending.isEmpty() && due.isEmpty() && assets.isEmpty()) {
                    waitNanos(nextRecheckNanos(now));
                    continue;
                }
                long waitLeft = rebuildLeft(now);
                if (waitLeft == 0) {
                    // Assets go out with the class files, or once none is pending.
                    waitLeft = pending.isEmpty() && due.isEmpty() ? assets.quietLeft(now) : quietLeft(now);
                    if (waitLeft == 0) {
                        return drain(now);
                    }
                }
                // Read what was written so far while waiting for the rest; a new outer class file read whole can
                // also show that a deleted nested class is gone for good.
                toRead = readAhead.next(READ_AHEAD_AT_ONCE);
                if (toRead.isEmpty()) {
                    if (mayHandOutEarly(now)) {
                        return handOutEarly(now);
                    }
                    waitNanos(waitLeft);
                    continue;
                }
            } finally {
                lock.unlock();
            }
            // A burst of renames outruns one reader: its files are read on every core (BatchSteps), most of them
            // after its last rename.
            keep(BatchSteps.map(toRead, this::readWhole));
        }
    }

    private void keep(List<FileRead> read) {
        lock.lock();
        try {
            read.forEach(each -> readAhead.read(each.file, each.content, each.whole, each.shape));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reads a file, and a whole class file further: what it names, and its shape, which the batch would read after the
     * last write otherwise.
     */
    private FileRead readWhole(Path file) {
        Attempt<byte[], IOException> content = ReadAhead.content(file);
        ClassFileReferences classFile = content instanceof Attempt.Done<byte[], IOException> done
                ? ClassFileReferences.ofWhole(done.value()) : null;
        if (classFile == null) {
            return new FileRead(file, content, null, null);
        }
        ClassShape shape;
        try {
            shape = ClassShape.read(((Attempt.Done<byte[], IOException>) content).value());
        } catch (UnreadableClassException e) {
            shape = null; // whole, yet not one the patcher reads: the batch reports why
        }
        return new FileRead(file, content, references.read(file, classFile), shape);
    }

    /** {@return how much longer the batch waits for the build's writes to pause; 0 when it is handed out now} */
    private long quietLeft(long now) {
        long quietLeft = pending.isEmpty() ? 0 : lastEventNanos + pace.quietNanos() - now;
        long renamesLeft = pending.isEmpty() ? 0 : Math.max(renames.waitLeft(now), rereadLeft(now));
        if (renamesLeft > 0) {
            // The build has class files still to rename over their own, or a tree whose events were lost is being read
            // again to find them: it is not done, whatever the pause says, and no endless burst while its renames go
            // on (a thousand of them take longer than the longest burst on a busy machine), up to the wait for a
            // rebuild.
            return Math.max(0, Math.min(renamesLeft, firstEventNanos + REBUILD_SETTLE_NANOS - now));
        }
        // A burst of renames is no endless burst: it ends with its last rename, and the class file that rename gives
        // follows the temporary file's deletion.
        long longest = renames.seenSince(firstEventNanos) ? REBUILD_SETTLE_NANOS : longestBurstNanos;
        long burstLeft = firstEventNanos + longest - now;
        if (readAhead.allWhole(pending.keySet())) {
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
     * {@return true when the batch is a single class file, read whole into its shape, that has what it names and
     * waits for nothing but its settle period, and it was not handed out early since it was last written}
     */
    private boolean mayHandOutEarly(long now) {
        return pending.size() == 1 && handedOutEarlyAt != readAhead.changes() && assets.isEmpty()
                && rechecks.isEmpty() && vanished.isEmpty() && rereading.isEmpty() && renames.waitLeft(now) == 0
                && readAhead.allWhole(pending.keySet()) && readAhead.shaped(pending.keySet().iterator().next())
                && referencesMet();
    }

    /**
     * {@return the pending file as a batch, left pending}: the reload thread judges and plans it while its settle period
     * runs, and applies it only if {@link #settledEarly} says that period ended with no other write. Only then is it
     * drained, where and when it would have been without this.
     */
    private Drained handOutEarly(long now) {
        Path file = pending.keySet().iterator().next();
        byte[] bytes = readAhead.wholeBytes(file);
        long changes = readAhead.changes();
        handedOutEarlyAt = changes;
        return new Drained(new LinkedHashMap<>(pending), Map.of(), readAhead.reads(), List.of(), firstEventNanos, now,
                () -> settledEarly(file, bytes, changes));
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
        while (true) {
            List<Path> toRead;
            lock.lock();
            try {
                if (pending.size() != 1 || !assets.isEmpty() || !rechecks.isEmpty()) {
                    return false;
                }
                if (readAhead.changes() == seen) {
                    long now = System.nanoTime();
                    long waitLeft = rebuildLeft(now);
                    if (waitLeft == 0) {
                        waitLeft = quietLeft(now);
                        if (waitLeft == 0) {
                            drain(now);
                            return true;
                        }
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
            keep(List.of(readWhole(toRead.get(0))));
        }
    }

    /** {@return how much longer a tree whose events were lost may take to be read again; 0 when none is being read} */
    private long rereadLeft(long now) {
        return rereading.isEmpty() ? 0 : Math.max(0, rereadingSinceNanos + REBUILD_SETTLE_NANOS - now);
    }

    /** {@return true when every class, field and method the pending files name is there to link} */
    private boolean referencesMet() {
        if (referencesCheckedAt != readAhead.changes()) {
            referencesMet = references.met(readAhead.wholeFiles(pending.keySet()));
            referencesCheckedAt = readAhead.changes();
        }
        return referencesMet;
    }

    /** {@return how much longer to wait for deleted class files to come back; 0 when none is missing} */
    private long rebuildLeft(long now) {
        vanished.removeIf(this::removedFromSource);
        if (vanished.isEmpty()) {
            return 0;
        }
        long left = lastDeleteNanos + REBUILD_SETTLE_NANOS - now;
        if (left <= 0) {
            vanished.clear(); // removed for good: apply what was written
        }
        return Math.max(0, left);
    }

    /** {@return true for a deleted nested class file that the outer class's new file, read whole, no longer names} */
    private boolean removedFromSource(Path deleted) {
        Path outer = NestedClassFiles.outerFile(deleted);
        byte[] outerBytes = outer == null ? null : readAhead.wholeBytes(outer);
        return outerBytes != null && NestedClassFiles.removedFromSource(deleted, outerBytes);
    }

    private Drained drain(long now) {
        Map<Path, Path> files = new LinkedHashMap<>(pending);
        Map<Path, Path> forced = new LinkedHashMap<>();
        for (Iterator<Map.Entry<Path, Recheck>> it = rechecks.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Recheck> recheck = it.next();
            if (recheck.getValue().dueNanos - now <= 0) {
                forced.put(recheck.getKey(), recheck.getValue().root);
                it.remove();
            } else if (files.containsKey(recheck.getKey())) {
                it.remove(); // written again: read now, judged like any write
            }
        }
        boolean assetsQuiet = !assets.isEmpty() && assets.quietLeft(now) == 0;
        long assetsFirst = assetsQuiet ? assets.firstWriteNanos() : now;
        pending.clear();
        pace.handedOut();
        renames.handedOut();
        return new Drained(files, forced, readAhead.take(), assetsQuiet ? assets.drain() : List.of(),
                files.isEmpty() ? now : firstEventNanos, assetsFirst, Settling.SETTLED);
    }

    private List<ChangedFile> read(Drained drained) {
        List<ChangedFile> files = new ArrayList<>();
        Map<Path, Path> all = new LinkedHashMap<>(drained.files);
        all.putAll(drained.forced);
        List<Path> paths = new ArrayList<>(all.keySet());
        List<ReadAhead.Read> contents = BatchSteps.map(paths, file -> {
            ReadAhead.Read readBefore = drained.forced.containsKey(file) ? null : drained.readAhead.get(file);
            return readBefore != null ? readBefore : new ReadAhead.Read(ReadAhead.content(file), null);
        });
        for (int i = 0; i < paths.size(); i++) {
            Path file = paths.get(i);
            byte[] bytes;
            try {
                bytes = contents.get(i).content().value();
            } catch (NoSuchFileException e) {
                continue; // deleted again before we looked: nothing to apply
            } catch (IOException e) {
                if (Files.isRegularFile(file)) {
                    unreadable.accept(file, e);
                }
                continue;
            }
            long hash = ContentHash.of(bytes);
            Long known = knownHashes.get(file);
            if (known != null && known == hash && !drained.forced.containsKey(file)) {
                continue;
            }
            files.add(new ChangedFile(all.get(file), file, bytes, hash, contents.get(i).shape()));
        }
        return files;
    }

    /** {@return the assets that still exist and whose content differs from what was handed out last} */
    private List<Path> changedAssets(List<Path> written) {
        List<Path> changed = new ArrayList<>();
        for (Path file : written) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                continue; // deleted: hooks are told about the assets that are there to read
            } catch (IOException e) {
                if (Files.isRegularFile(file)) {
                    unreadable.accept(file, e);
                }
                continue; // a directory, or gone
            }
            long hash = ContentHash.of(bytes);
            Long known = knownHashes.put(file, hash);
            if (known == null || known != hash) {
                changed.add(file);
            }
        }
        return changed;
    }

    private List<Path> dueRechecks(long now) {
        List<Path> due = new ArrayList<>();
        rechecks.forEach((file, recheck) -> {
            if (recheck.dueNanos - now <= 0) {
                due.add(file);
            }
        });
        return due;
    }

    private long nextRecheckNanos(long now) {
        long next = Long.MAX_VALUE;
        for (Recheck recheck : rechecks.values()) {
            next = Math.min(next, recheck.dueNanos - now);
        }
        return next;
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

    private record Recheck(Path root, long dueNanos) {
    }

    /** A file read ahead: its bytes or why they cannot be read, and the bytes as a whole class file and its shape, or null. */
    private record FileRead(Path file, Attempt<byte[], IOException> content, BurstReferences.WholeFile whole,
                            ClassShape shape) {
    }

    private record Drained(Map<Path, Path> files, Map<Path, Path> forced, Map<Path, ReadAhead.Read> readAhead,
                           List<Path> assets, long firstEventNanos, long assetsFirstEventNanos, Settling settling) {
    }
}
