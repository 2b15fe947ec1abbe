package dev.reload.agent.watch;

import java.time.Duration;

/**
 * How long a batch waits for more writes. A single saved file waits the quiet period. A burst of several files (a
 * build writing or renaming many class files) waits {@value #SEVERAL_FILES_QUIET_PERIODS} quiet periods, or twice
 * the longest pause seen inside the burst so far if that is longer, up to the longest wait: on a busy machine the
 * writer may stop for a while in the middle of a burst, and cut in two the burst is applied as two batches, each
 * paying a batch's fixed cost, with the program running half of the new code for a moment. A burst cut anyway is not
 * forgotten: a write soon after it continues it, and the pause that cut it counts. A write later than the longest
 * wait after a burst starts a new one: no pause inside a burst is waited for that long, so it is the next build, and
 * the pause before it is no pause of a burst. The longest wait is {@value #LONGEST_WAIT_IN_QUIET_PERIODS} quiet
 * periods, but no longer than {@link #LONGEST_STALL_WAIT_NANOS} unless the quiet period itself is.
 *
 * <p>A batch whose files are all read whole (class files that end at their last byte) and have what they name
 * ({@link BurstReferences}: the classes, fields and methods of other classes they use are in the running program or in
 * the batch) is not waiting for anything it needs, only for the rest of a build that may have more to write: it waits
 * one {@linkplain #settleNanos() settle period}, a fraction of the quiet period, or in a burst twice the longest pause
 * seen inside it if that is longer (a writer that stalls now and then keeps its burst together), up to the burst's
 * wait. A file that names a member no class has yet waits for the file that adds it, the quiet period or half a second
 * after the last write if longer: applied without it, the call would throw {@code NoSuchMethodError} into the program.
 * Not thread-safe: the collector guards it with its lock.
 */
final class BurstPace {
    static final int SEVERAL_FILES_QUIET_PERIODS = 3;
    static final int LONGEST_WAIT_IN_QUIET_PERIODS = 20;
    /**
     * The longest wait at most, unless the quiet period itself is longer: twenty default quiet periods. A writer
     * stalls in the middle of a burst as long whatever the setting, so a quiet period raised for a slow disk or a slow
     * build is waited as given, not twenty times over, which held two saves seconds apart together for seconds.
     */
    static final long LONGEST_STALL_WAIT_NANOS = Duration.ofMillis(100).toNanos();
    /**
     * How many settle periods make a quiet period. A fifth saves about 4 ms a save. javac writes a class file as it
     * generates it, so a build's second file may come more than a millisecond after its first: a first file that
     * calls a method the second adds waits for it ({@link BurstReferences}), and one that does not may be applied
     * alone, since it runs as well without the second.
     */
    static final int SETTLE_PERIODS_PER_QUIET_PERIOD = 5;

    private final long quietNanos;
    private boolean seenAny;
    private long lastWriteNanos;
    private boolean burst;
    private boolean lastBatchWasBurst;
    private long longestPauseNanos;

    /** @param quietNanos the quiet period, 0 or more */
    BurstPace(long quietNanos) {
        this.quietNanos = quietNanos;
    }

    /**
     * Notes a write.
     *
     * @param now its {@link System#nanoTime()}
     * @param pendingBefore how many files the batch held before it
     * @param pendingAfter how many files the batch holds with it
     */
    void written(long now, int pendingBefore, int pendingAfter) {
        long pause = now - lastWriteNanos;
        if (pendingBefore > 0) {
            burst |= pendingAfter > 1;
            longestPauseNanos = Math.max(longestPauseNanos, pause);
        } else if (seenAny && lastBatchWasBurst && pause < longestWaitNanos()) {
            burst = true;
            longestPauseNanos = Math.max(longestPauseNanos, pause);
        } else {
            burst = false;
            longestPauseNanos = 0;
        }
        seenAny = true;
        lastWriteNanos = now;
    }

    /** {@return how long the batch must have been quiet before it is handed out, unless it is ready sooner} */
    long quietNanos() {
        if (!burst) {
            return quietNanos;
        }
        long wait = Math.max(quietNanos * SEVERAL_FILES_QUIET_PERIODS, 2 * longestPauseNanos);
        return Math.min(wait, longestWaitNanos());
    }

    /**
     * {@return how long a batch whose files are all whole and have what they name must have been quiet: a settle
     * period, or in a burst twice its longest pause if longer, never longer than {@link #quietNanos()}}
     */
    long readyNanos() {
        return burst ? Math.min(quietNanos(), Math.max(settleNanos(), 2 * longestPauseNanos)) : settleNanos();
    }

    private long longestWaitNanos() {
        return Math.max(quietNanos, Math.min(quietNanos * LONGEST_WAIT_IN_QUIET_PERIODS, LONGEST_STALL_WAIT_NANOS));
    }

    /** {@return the settle period: how long a single whole file that has what it names waits for the build's next file} */
    long settleNanos() {
        return quietNanos / SETTLE_PERIODS_PER_QUIET_PERIOD;
    }

    /** Notes that the batch was handed out. */
    void handedOut() {
        lastBatchWasBurst = burst;
        burst = false;
    }
}
