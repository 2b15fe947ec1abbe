package dev.reload.agent.reload;

/**
 * Where the time of one applied batch went, each stage's end a {@link System#nanoTime()}: the build's writes, the
 * reading of the files and the wait for the burst's end after the last write (in compile mode, the agent's own
 * compile), the agent's own checks, the end of a settle period, the wait for the game's synchronization point, and
 * the JVM's {@code redefineClasses} call. With {@code log=debug} a line of it follows each batch's report, so a reload
 * slower than expected shows whether the build, the agent, the game's thread or the JVM took the time.
 *
 * @param firstWrite when the first write of the batch was seen
 * @param lastWrite when its last write (or rename) was seen
 * @param handedOut when the watcher handed the batch to the reload thread
 * @param planned when it was judged and planned
 * @param standing when its settle period had ended (at once, unless it was handed out before that)
 * @param applying when the thread that applies it (the reload thread, or the game's at its sync point) began
 * @param callNanos how long the JVM's {@code redefineClasses} call took; 0 when it was not made
 * @param reported when the batch's report was made
 */
record ReloadTimes(long firstWrite, long lastWrite, long handedOut, long planned, long standing, long applying,
                   long callNanos, long reported) {

    /** {@return the times of a batch up to the wait for its application; the later ones to come} */
    static ReloadTimes beforeApplying(long firstWrite, long lastWrite, long handedOut, long planned, long standing) {
        return new ReloadTimes(firstWrite, lastWrite, handedOut, planned, standing, standing, 0, standing);
    }

    /** {@return these times, with when the batch began to be applied, its call's length and when it was reported} */
    ReloadTimes applied(long applyingAt, long callLength, long reportedAt) {
        return new ReloadTimes(firstWrite, lastWrite, handedOut, planned, standing, applyingAt, callLength, reportedAt);
    }

    /**
     * {@return the line that says where the time went, in milliseconds, without the {@code [reload] } prefix}: the
     * total is the time the report gives, and the stages add up to it
     */
    String describe() {
        // Appended by hand, not String.format: a Formatter loads classes and leaves compiled code that every
        // later redefinition walks.
        StringBuilder line = new StringBuilder(256).append("where the ");
        millis(line, reported - firstWrite).append(" ms went: ");
        millis(line, lastWrite - firstWrite).append(" from the first write to the last, ");
        millis(line, handedOut - lastWrite).append(" from the last write to the batch's end, ");
        millis(line, planned - handedOut).append(" judging and planning, ");
        millis(line, standing - planned).append(" to the end of the settle period, ");
        millis(line, applying - standing).append(" waiting to be applied, ");
        millis(line, callNanos).append(" in redefineClasses, ");
        millis(line, reported - applying - callNanos).append(" defining new classes and recording what runs");
        return line.toString();
    }

    /** Appends the nanoseconds as milliseconds to a tenth, rounded half up; {@return the line} */
    private static StringBuilder millis(StringBuilder line, long nanos) {
        long tenths = Math.round(Math.abs(nanos) / 1e5);
        return line.append(nanos < 0 ? "-" : "").append(tenths / 10).append('.').append(tenths % 10);
    }
}
