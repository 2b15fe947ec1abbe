package dev.reload.agent.reload;

import java.util.Locale;

/**
 * Where the time of one applied batch went, each stage's end a {@link System#nanoTime()}: the build's writes and
 * the wait for their end, the agent's own checks, the end of a settle period, the wait for the game's
 * synchronization point, and the JVM's {@code redefineClasses} call. With {@code log=debug} a line of it follows
 * each batch's report, so a reload slower than expected shows whether the build, the agent, the game's thread or
 * the JVM took the time.
 *
 * @param firstWrite when the first write of the batch was seen
 * @param handedOut when the watcher handed the batch to the reload thread
 * @param planned when it was judged and planned
 * @param standing when its settle period had ended (at once, unless it was handed out before that)
 * @param applying when the thread that applies it (the reload thread, or the game's at its sync point) began
 * @param callNanos how long the JVM's {@code redefineClasses} call took; 0 when it was not made
 * @param reported when the batch's report was made
 */
record ReloadTimes(long firstWrite, long handedOut, long planned, long standing, long applying, long callNanos,
                   long reported) {

    /** {@return the times of a batch up to the wait for its application; the later ones to come} */
    static ReloadTimes beforeApplying(long firstWrite, long handedOut, long planned, long standing) {
        return new ReloadTimes(firstWrite, handedOut, planned, standing, standing, 0, standing);
    }

    /** {@return these times, with when the batch began to be applied, its call's length and when it was reported} */
    ReloadTimes applied(long applyingAt, long callLength, long reportedAt) {
        return new ReloadTimes(firstWrite, handedOut, planned, standing, applyingAt, callLength, reportedAt);
    }

    /**
     * {@return the line that says where the time went, in milliseconds, without the {@code [reload] } prefix}: the
     * total is the time the report gives, and the stages add up to it
     */
    String describe() {
        return String.format(Locale.ROOT, "where the %.1f ms went: %.1f from the first write to the batch's end,"
                        + " %.1f judging and planning, %.1f to the end of the settle period, %.1f waiting to be"
                        + " applied, %.1f in redefineClasses, %.1f defining new classes and recording what runs",
                millis(reported - firstWrite), millis(handedOut - firstWrite), millis(planned - handedOut),
                millis(standing - planned), millis(applying - standing), millis(callNanos),
                millis(reported - applying - callNanos));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
