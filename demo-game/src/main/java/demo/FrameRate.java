package demo;

/** Counts frames drawn and gives the rate over the last whole second. */
final class FrameRate {
    private static final long SECOND = 1_000_000_000L;

    private long windowStart = System.nanoTime();
    private int framesInWindow;
    private int perSecond;

    void frameDrawn(long nowNanos) {
        framesInWindow++;
        long elapsed = nowNanos - windowStart;
        if (elapsed >= SECOND) {
            perSecond = (int) Math.round(framesInWindow * (double) SECOND / elapsed);
            framesInWindow = 0;
            windowStart = nowNanos;
        }
    }

    int perSecond() {
        return perSecond;
    }
}
