package dev.reload.agent.watch;

/**
 * How long a batch waits for more writes. A single saved file waits the quiet period. A burst of several files (a
 * build writing or renaming many class files) waits {@value #SEVERAL_FILES_QUIET_PERIODS} quiet periods, or twice
 * the longest pause seen inside the burst so far if that is longer, at most {@value #LONGEST_WAIT_IN_QUIET_PERIODS}
 * quiet periods: on a busy machine the writer may stop for a while in the middle of a burst, and cut in two the
 * burst is applied as two batches, each paying a batch's fixed cost, with the program running half of the new code
 * for a moment. A burst cut anyway is not forgotten: a write soon after it continues it, and the pause that cut it
 * counts. A write later than the longest wait after a burst starts a new one: no pause inside a burst is waited for
 * that long, so it is the next build, and the pause before it is no pause of a burst.
 *
 * <p>A single file already read whole (a class file that ends at its last byte) is not waiting to be finished, only
 * for the build's next file: it waits one {@linkplain #settleNanos() settle period}, for now the whole quiet period. A
 * burst waits as above even when its files are whole: a whole file says nothing about whether the build has more to
 * write, and a writer that stalls for a few milliseconds on a busy machine would cut it into several batches.
 * Not thread-safe: the collector guards it with its lock.
 */
final class BurstPace {
    static final int SEVERAL_FILES_QUIET_PERIODS = 3;
    static final int LONGEST_WAIT_IN_QUIET_PERIODS = 20;
    /**
     * How many settle periods make a quiet period. A fifth saved about 4 ms a save, but javac writes a class file as
     * it generates it, and a build whose second file came more than a millisecond after its first was applied as two
     * batches: a class calling a method the other adds would throw {@code NoSuchMethodError} into the game until
     * the second arrived. One, until a whole file that names members the running classes lack waits for them.
     */
    static final int SETTLE_PERIODS_PER_QUIET_PERIOD = 1;

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

    /**
     * {@return how long the batch must have been quiet before it is handed out}
     *
     * @param whole true when every file of the batch was read whole after its last write
     */
    long quietNanos(boolean whole) {
        if (!burst) {
            return whole ? settleNanos() : quietNanos;
        }
        long wait = Math.max(quietNanos * SEVERAL_FILES_QUIET_PERIODS, 2 * longestPauseNanos);
        return Math.min(wait, longestWaitNanos());
    }

    private long longestWaitNanos() {
        return quietNanos * LONGEST_WAIT_IN_QUIET_PERIODS;
    }

    /** {@return the settle period: how long a single whole file waits for the build's next file} */
    long settleNanos() {
        return quietNanos / SETTLE_PERIODS_PER_QUIET_PERIOD;
    }

    /** Notes that the batch was handed out. */
    void handedOut() {
        lastBatchWasBurst = burst;
        burst = false;
    }
}
