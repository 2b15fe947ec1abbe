package dev.reload.agent.index;

import dev.reload.agent.report.Contained;
import dev.reload.agent.report.Reporter;
import dev.reload.agent.watch.ChangeCollector;
import dev.reload.agent.watch.ContentHash;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Does the work of capturing a class that need not run on the program's loading thread: hashes the class file
 * (so writes that leave it as it was are dropped), shows the class file to a scanner (which looks for asset hooks),
 * makes the {@link CapturedClass}'s shape and drops its bytes.
 * It waits until loading pauses, so that it does not take a core from a program that is starting, and stops
 * again as soon as loading resumes. A change that arrives before a class is compacted is judged from the bytes
 * it still holds. Thread-safe: loading threads submit, one daemon thread compacts.
 */
public final class CaptureCompactor {
    /** How long no class must have been captured before compacting starts. */
    static final Duration QUIET = Duration.ofMillis(100);
    /** How many classes are compacted between two looks at whether loading resumed. */
    private static final int CHUNK = 256;

    private final ChangeCollector collector;
    private final Reporter reporter;
    private final BiConsumer<CapturedClass, byte[]> scanner;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicLong submitted = new AtomicLong();
    /** The class the compactor thread took and holds while it waits for loading to pause; null when none. */
    private volatile Pending taken;

    /** A captured class waiting, with the class file as it came from disk. */
    private record Pending(CapturedClass captured, byte[] fileBytes) {
    }

    /**
     * @param collector told the content of each class file as it was loaded, never null
     * @param reporter told at debug level how many classes each round compacted, never null
     */
    public CaptureCompactor(ChangeCollector collector, Reporter reporter) {
        this(collector, reporter, (captured, fileBytes) -> { });
    }

    /**
     * @param collector told the content of each class file as it was loaded, never null
     * @param reporter told at debug level how many classes each round compacted, never null
     * @param scanner shown each class file as it came from disk before its bytes are dropped; it must not keep or
     *                change them; never null
     */
    public CaptureCompactor(ChangeCollector collector, Reporter reporter, BiConsumer<CapturedClass, byte[]> scanner) {
        this.collector = collector;
        this.reporter = reporter;
        this.scanner = scanner;
    }

    /** {@return a compactor whose daemon thread, {@code reload-compact}, is started} */
    public static CaptureCompactor start(ChangeCollector collector, Reporter reporter) {
        return start(collector, reporter, (captured, fileBytes) -> { });
    }

    /** {@return a compactor that shows each class file to {@code scanner}, its daemon thread started} */
    public static CaptureCompactor start(ChangeCollector collector, Reporter reporter,
                                         BiConsumer<CapturedClass, byte[]> scanner) {
        CaptureCompactor compactor = new CaptureCompactor(collector, reporter, scanner);
        Contained.loop("reload-compact", reporter, compactor::step);
        return compactor;
    }

    /**
     * Queues a captured class for compacting; cheap enough for a loading thread.
     *
     * @param captured the class, never null
     * @param fileBytes its class file as it came from disk (the running bytes when nothing changed it), never null;
     *                  kept until compacted, not modified
     */
    public void submit(CapturedClass captured, byte[] fileBytes) {
        queue.add(new Pending(captured, fileBytes));
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
        collector.rememberIfAbsent(captured.file(), ContentHash.of(pending.fileBytes()));
        scanner.accept(captured, pending.fileBytes());
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
