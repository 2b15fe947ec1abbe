package dev.reload.agent.index;

import dev.reload.agent.report.Contained;
import dev.reload.agent.report.Reporter;
import dev.reload.agent.watch.ContentHash;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Does the work of capturing a class that need not run on the program's loading thread: records the class file's
 * hash in the class (the collector asks it, through {@link LoadedClassIndex#hashAtLoad}, so that writes that leave
 * the file as it was are dropped), shows the class file to a scanner (which looks for asset hooks), makes the
 * {@link CapturedClass}'s shape and drops its bytes. Of the class file as it came from
 * disk, only its hash waits, and the bytes of the few files the scanner may find something in: kept whole until
 * loading pauses, the file of every class was a second copy of each class (besides the running bytes) that the
 * collections of a starting program copied again and again.
 * It waits until loading pauses, so that it does not take a core from a program that is starting, and stops
 * again as soon as loading resumes. A change that arrives before a class is compacted is judged from the bytes
 * it still holds. Thread-safe: loading threads submit, one daemon thread compacts.
 */
public final class CaptureCompactor {
    /** How long no class must have been captured before compacting starts. */
    static final Duration QUIET = Duration.ofMillis(100);
    /** How many classes are compacted between two looks at whether loading resumed. */
    private static final int CHUNK = 256;

    private final Reporter reporter;
    private final FileScanner scanner;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicLong submitted = new AtomicLong();
    /** The class the compactor thread took and holds while it waits for loading to pause; null when none. */
    private volatile Pending taken;

    /**
     * A captured class waiting.
     *
     * @param fileHash the {@link ContentHash} of the class file as it came from disk; 0 while {@code deferred}
     * @param fileBytes that class file when the scanner may find something in it, or when {@code deferred}; else null
     * @param deferred true when the class runs that class file unchanged, whose hash and scanner test then wait for
     *                 the compactor
     */
    private record Pending(CapturedClass captured, long fileHash, byte[] fileBytes, boolean deferred) {
    }

    /** Looks at the class file of each captured class, as it came from disk, once loading pauses. */
    public interface FileScanner {
        /** The scanner that finds nothing. */
        FileScanner NONE = new FileScanner() {
            @Override
            public boolean mayFind(byte[] classFile) {
                return false;
            }

            @Override
            public void scan(CapturedClass captured, byte[] classFile) {
            }
        };

        /**
         * {@return false when {@link #scan} would find nothing in the class file}: a cheap test run on the loading
         * thread; the bytes of a file it answers false for are not kept
         *
         * @param classFile the class file, never null; not to be kept or changed
         */
        boolean mayFind(byte[] classFile);

        /**
         * Looks at one class file; called on the compactor's thread.
         *
         * @param captured the class, never null
         * @param classFile its class file as it came from disk, never null; not to be kept or changed
         */
        void scan(CapturedClass captured, byte[] classFile);
    }

    /**
     * @param reporter told at debug level how many classes each round compacted, never null
     */
    public CaptureCompactor(Reporter reporter) {
        this(reporter, FileScanner.NONE);
    }

    /**
     * @param reporter told at debug level how many classes each round compacted, never null
     * @param scanner shown each class file as it came from disk that it may find something in, never null
     */
    public CaptureCompactor(Reporter reporter, FileScanner scanner) {
        this.reporter = reporter;
        this.scanner = scanner;
        // Loads the scanner's test now: loading a class inside a class file transformer would recurse.
        scanner.mayFind(new byte[0]);
    }

    /** {@return a compactor whose daemon thread, {@code reload-compact}, is started} */
    public static CaptureCompactor start(Reporter reporter) {
        return start(reporter, FileScanner.NONE);
    }

    /** {@return a compactor that shows each class file to {@code scanner}, its daemon thread started} */
    public static CaptureCompactor start(Reporter reporter, FileScanner scanner) {
        CaptureCompactor compactor = new CaptureCompactor(reporter, scanner);
        compactor.startCompacting();
        return compactor;
    }

    /** Starts the daemon thread, {@code reload-compact}, that compacts; call once. */
    public void startCompacting() {
        Contained.loop("reload-compact", reporter, this::step);
    }

    /**
     * Queues a captured class for compacting; cheap enough for a loading thread: hashes the class file (an intrinsic
     * CRC and one pass), and keeps it only when the scanner may find something in it.
     *
     * @param captured the class, never null
     * @param fileBytes its class file as it came from disk (the running bytes when nothing changed it), never null;
     *                  not modified
     */
    public void submit(CapturedClass captured, byte[] fileBytes) {
        queue.add(new Pending(captured, ContentHash.of(fileBytes), scanner.mayFind(fileBytes) ? fileBytes : null,
                false));
        submitted.incrementAndGet();
    }

    /**
     * Queues a captured class that runs its class file as it came from disk, unchanged; the cheapest on a loading
     * thread: the class holds those bytes until it is compacted anyway, so hashing them and the scanner's test wait
     * for the compactor, and no second copy is kept.
     *
     * @param captured the class, never null
     * @param fileBytes its class file as it came from disk, the bytes it runs, never null; not modified
     */
    public void submitUnchanged(CapturedClass captured, byte[] fileBytes) {
        queue.add(new Pending(captured, 0, fileBytes, true));
        submitted.incrementAndGet();
    }

    /**
     * Waits for a class, then for loading to pause, then compacts until the queue is empty or loading resumes.
     *
     * @throws InterruptedException when the thread is asked to stop
     */
    void step() throws InterruptedException {
        Pending next = queue.take();
        taken = next;
        awaitQuiet();
        long seen = submitted.get();
        int done = 0;
        synchronized (this) {
            while (next != null) {
                compact(next);
                done++;
                if (done % CHUNK == 0 && submitted.get() != seen) {
                    break; // loading resumed; the rest waits for the next pause
                }
                next = queue.poll();
            }
            taken = null;
        }
        if (reporter.isDebug()) {
            reporter.debug("compacted " + done + " captured class" + (done == 1 ? "" : "es")
                    + ": their shapes kept, their class files dropped");
        }
    }

    /**
     * Compacts, on the calling thread, every class still waiting: for work that must have seen every loaded class
     * (which asset hooks there are), even while the program goes on loading classes.
     */
    public synchronized void compactWaiting() {
        Pending held = taken;
        if (held != null) {
            compact(held); // compacting twice changes nothing: the compactor thread may do it again
        }
        for (Pending next = queue.poll(); next != null; next = queue.poll()) {
            compact(next);
        }
    }

    private void compact(Pending pending) {
        CapturedClass captured = pending.captured();
        byte[] file = pending.fileBytes();
        captured.fileHashedAtLoad(pending.deferred() ? ContentHash.of(file) : pending.fileHash());
        if (file != null && (!pending.deferred() || scanner.mayFind(file))) {
            scanner.scan(captured, file);
        }
        captured.compact();
    }

    /**
     * Returns once no watched class has loaded for a moment: for start-up work of the agent that can wait, so that
     * it does not take a core from a program that is loading its classes.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public void awaitLoadingPause() throws InterruptedException {
        awaitQuiet();
    }

    private void awaitQuiet() throws InterruptedException {
        long seen;
        do {
            seen = submitted.get();
            Thread.sleep(QUIET.toMillis());
        } while (submitted.get() != seen);
    }
}
