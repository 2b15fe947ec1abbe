package dev.reload.agent.watch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Merges the writes the watchers see into batches: a batch is handed out once no write has been seen for
 * the quiet period ({@link ClassFileBurst}), its files are read, and files whose content is what the agent last saw are
 * dropped ({@link KnownContents}). Files are read as they are written ({@link ReadAhead}, {@link AheadReader}), class
 * files written under a temporary name too, before their rename; files read whole that have what they name (the
 * members of other classes they use are in the running program or in the batch, {@link BurstReferences}) only wait for
 * the build's next file, a fraction of the quiet period ({@link BurstPace}).
 * While class files written under a temporary name are still to be renamed over their own, the batch waits for them
 * ({@link PendingRenames}); once such a tool has renamed all it wrote, the batch waits only the settle period after its
 * last rename; deleted class files and trees whose events were lost are waited for too ({@link MissingFiles}), but for
 * a deleted class that none of the burst's files names half a second after its last write: removed, or renamed. The
 * collector notes the writes; the waiting and the hand-out, a single class file's early one included, are
 * {@link BatchHandOut}'s.
 * Assets (every other file of a watched tree, {@link AssetFiles}) wait for their own quiet period ({@link AssetBurst}):
 * class files never wait for them, and they never go out before class files seen before them, so a hook's new code
 * reads the assets saved with it.
 * Watchers call {@link #touched}; one consumer thread calls {@link #take()}. Writes that arrive while the
 * consumer works on a batch go into the next one. Thread-safe: one lock guards the bookkeeping the collector keeps in
 * its fields and in {@link Rechecks} and the classes above, except {@link KnownContents}, which is thread-safe on its
 * own and read outside the lock.
 */
public final class ChangeCollector {
    /**
     * How long a batch waits for deleted class files to be written again. A full rebuild ({@code mvn compile}
     * after a change it cannot compile incrementally) deletes every class file of a module for about a second
     * before it writes them again: applying half of that would run new code against classes that are missing.
     */
    static final long REBUILD_SETTLE_NANOS = Duration.ofSeconds(3).toNanos();

    /** A lock, not a monitor: {@link Object#wait(long, int)} waits whole milliseconds, longer than a settle period. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when the consumer has something new to look at. */
    private final Condition wakeUp = lock.newCondition();
    /** Guarded by {@code lock}. */
    private final MissingFiles missing = new MissingFiles(REBUILD_SETTLE_NANOS);
    /** Guarded by {@code lock}. */
    private final Rechecks rechecks = new Rechecks();
    /** Thread-safe on its own. */
    private final KnownContents known;
    /** Thread-safe on its own; used by the consumer thread. */
    private final AheadReader reader;
    /** Guarded by {@code lock}. */
    private final ReadAhead readAhead = new ReadAhead();
    /**
     * Class files of known content found as a tree whose events were lost was read again, to their watched roots: each
     * joins the batch only if it no longer holds that content, checked before the batch goes out; guarded by {@code lock}.
     */
    private final Map<Path, Path> suspects = new LinkedHashMap<>();
    /** Guarded by {@code lock}. */
    private final ClassFileBurst burst;
    /** Guarded by {@code lock}. */
    private final AssetBurst assets = new AssetBurst();
    /** Waits for the writes to go quiet and hands the batches out, on the consumer thread. */
    private final BatchHandOut handOut;

    /**
     * @param quietPeriod how long the trees must stay quiet before a batch is handed out, never null
     * @param unreadable told about a file that exists but cannot be read, never null
     */
    public ChangeCollector(Duration quietPeriod, BiConsumer<Path, IOException> unreadable) {
        this.known = new KnownContents(unreadable);
        this.reader = new AheadReader(known);
        this.burst = new ClassFileBurst(quietPeriod.toNanos(), REBUILD_SETTLE_NANOS, readAhead, reader.references(),
                missing);
        this.handOut = new BatchHandOut(this, lock, wakeUp, known, reader, readAhead,
                new BatchHandOut.Pending(burst, assets, missing, rechecks, suspects));
    }

    /**
     * Looks the classes that class files name up with {@code lookup} from now on, so that a batch whose files use
     * only what the program has does not wait the quiet period (until then, each does).
     *
     * @param lookup finds the running classes and the class files their loaders would load, never null
     */
    public void lookUpClassesWith(ClassLookup lookup) {
        reader.references().lookUpWith(lookup);
    }

    /**
     * Tells {@code listener}, on the consumer thread, about each class file that was deleted and not written again, and
     * that none of the files written after it names half a second after the last: a class removed or renamed. Its
     * class stays loaded. A deleted file still missing once the wait for a rebuild is over is given up on, unsaid: a
     * rebuild slower than that wait writes it yet.
     *
     * @param listener takes the files, before the batch they went out with; never null
     */
    public void tellRemovedClassFilesTo(Consumer<List<Path>> listener) {
        handOut.tellRemovedTo(listener);
    }

    /**
     * Tells {@code readWhole} about each class file read whole into its shape from now on, while its burst's writes go
     * on, so that the batch's work on that file alone is done before the burst ends; not about a file holding what
     * runs, which its batch drops.
     *
     * @param readWhole prepares what a batch will need of each file, never null
     */
    public void prepareEachFileWith(ReadWhole readWhole) {
        reader.prepareEachFileWith(readWhole);
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
                burst.temporaryWritten(file, System.nanoTime());
                readAhead.touched(file);
                if (handOut.consumerWaiting()) {
                    wakeUp.signalAll();
                }
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
            boolean first = burst.written(root, file, System.nanoTime());
            readAhead.touched(file);
            // A later write moves the consumer's deadline later, and gives it a file to read: a consumer busy reading
            // finds it without a wake-up, so a burst of a thousand events does not cost a thousand wake-ups.
            if (missing.writtenAgain(file) || first || handOut.consumerWaiting()) {
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
            boolean first = assets.isEmpty() && burst.isEmpty();
            assets.written(file, System.nanoTime());
            if (first || handOut.consumerWaiting()) {
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
        known.forget(file);
        assetTouched(file.getParent(), file);
    }

    /**
     * Notes that a class file under a watched root was deleted. When it is the file of a class the agent
     * knows, batches wait until it is written again, or until {@link #REBUILD_SETTLE_NANOS} pass without
     * another deletion (the class was removed for good; {@link MissingFiles}). When it is a class file written under
     * a temporary name ({@link ClassFiles#isTemporaryClassFile}), it was renamed to its own name, or given up.
     *
     * @param file the class file, never null
     */
    public void deleted(Path file) {
        if (ClassFiles.isTemporaryClassFile(file)) {
            lock.lock();
            try {
                boolean renamed = burst.temporaryGone(file, System.nanoTime());
                readAhead.renamed(file, ClassFiles.renamedTo(file));
                if (renamed && handOut.consumerWaiting()) {
                    wakeUp.signalAll();
                }
            } finally {
                lock.unlock();
            }
            return;
        }
        if (!known.knows(file)) {
            return;
        }
        lock.lock();
        try {
            missing.deleted(file, System.nanoTime());
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
            burst.eventsLost(root);
            missing.eventsLost(root, System.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Notes a file found as a tree whose events were lost is read again ({@link #eventsLost}), or as a new or reappeared
     * directory is read: a class file whose content the agent knows joins a batch only if it no longer holds that
     * content, which the consumer checks before the next batch goes out ({@link KnownContents#holdsKnown}); any other
     * file is taken as written.
     *
     * @param root the watched directory, never null
     * @param file the file, never null
     */
    public void rescanned(Path root, Path file) {
        if (!ClassFiles.isClassFile(file) || !known.knows(file)) {
            touched(root, file);
            return;
        }
        lock.lock();
        try {
            missing.writtenAgain(file); // there again, whatever it holds
            suspects.put(file, root);
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
            missing.reread(root);
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
            rechecks.add(root, file, System.nanoTime() + delay.toNanos());
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Records the content the program now runs (or that was judged), so identical writes are dropped. */
    public void remember(Path file, long hash) {
        known.remember(file, hash);
    }

    /**
     * Records the content a refused batch held: the file written again with it a moment later (a second event of one
     * save), and nothing new beside it, is dropped rather than refused again; written with a new file (the mended
     * class), or saved again later, it goes out.
     */
    public void refused(Path file, long hash) {
        known.refused(file, hash);
    }

    /**
     * Takes the content each class file had when its class loaded from {@code hashes}, for the files it holds nothing
     * newer of (nothing remembered since), so that writes that leave them as they were are dropped.
     *
     * @param hashes the classes' hashes, never null
     */
    public void rememberLoadedWith(LoadTimeHashes hashes) {
        known.rememberLoadedWith(hashes);
    }

    /**
     * {@return the next batch of changed files, blocking until there is one}
     *
     * @throws InterruptedException when the consumer thread is interrupted while waiting
     */
    public ChangeBatch take() throws InterruptedException {
        return handOut.take();
    }
}
