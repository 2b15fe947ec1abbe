package dev.reload.agent.watch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The waits, with made-up times: nothing here sleeps. */
class BurstPaceTest {
    private static final long QUIET = 50;
    private static final long SETTLE = QUIET / BurstPace.SETTLE_PERIODS_PER_QUIET_PERIOD;
    /** The longest wait: a write this long after a burst starts a new one. */
    private static final long CONTINUATION = 20 * QUIET;
    private final BurstPace pace = new BurstPace(QUIET);

    @Test
    void aSingleFileWaitsTheQuietPeriod() {
        pace.written(1000, 0, 1);
        assertEquals(QUIET, pace.quietNanos());
        pace.written(1001, 1, 1); // the same file written again
        assertEquals(QUIET, pace.quietNanos());
    }

    @Test
    void severalFilesWaitThreeQuietPeriodsOrTwiceTheLongestPauseUpToTwentyQuietPeriods() {
        pace.written(1000, 0, 1);
        pace.written(1001, 1, 2);
        assertEquals(3 * QUIET, pace.quietNanos());
        pace.written(1001 + 4 * QUIET, 2, 3);
        assertEquals(8 * QUIET, pace.quietNanos());
        pace.written(1001 + 4 * QUIET + 50 * QUIET, 3, 4);
        assertEquals(20 * QUIET, pace.quietNanos());
    }

    @Test
    void aWriteSoonAfterABurstContinuesItAndALaterOneStartsAfresh() {
        burstHandedOutThenWriteAfterSevenQuietPeriods();
        assertEquals(14 * QUIET, pace.quietNanos());
        pace.handedOut();
        pace.written(1001 + 7 * QUIET + CONTINUATION, 0, 1);
        assertEquals(QUIET, pace.quietNanos());
    }

    @Test
    void aSingleFileAfterASingleFileIsNoBurst() {
        pace.written(1000, 0, 1);
        pace.handedOut();
        pace.written(1010, 0, 1);
        assertEquals(QUIET, pace.quietNanos());
    }

    @Test
    void aSingleReadyFileWaitsOneSettlePeriodAndABurstOfThemTwiceItsLongestPauseIfLonger() {
        pace.written(1000, 0, 1);
        assertEquals(SETTLE, pace.readyNanos());
        pace.written(1001, 1, 2);
        assertEquals(SETTLE, pace.readyNanos(), "a pause of 1 ns: the settle period");
        pace.written(1001 + SETTLE, 2, 3);
        assertEquals(2 * SETTLE, pace.readyNanos());
        pace.written(1001 + SETTLE + 4 * QUIET, 3, 4);
        assertEquals(8 * QUIET, pace.readyNanos(), "never longer than the burst's own wait");
        assertEquals(8 * QUIET, pace.quietNanos());
    }

    @Test
    void readyFilesThatContinueACutBurstWaitTwiceThePauseThatCutIt() {
        burstHandedOutThenWriteAfterSevenQuietPeriods();
        assertEquals(14 * QUIET, pace.readyNanos());
    }

    @Test
    void aLongQuietPeriodIsTheLongestWaitAndASaveSecondsLaterIsNoPartOfTheBurstBefore() {
        long second = 1_000_000_000L;
        BurstPace slow = new BurstPace(second);
        slow.written(0, 0, 1);
        slow.written(1, 1, 2);
        assertEquals(second, slow.quietNanos(), "three quiet periods would be three seconds");
        slow.written(1 + 2 * second, 2, 3);
        assertEquals(second, slow.quietNanos(), "twice a pause of two seconds would be four");
        slow.handedOut();
        slow.written(1 + 2 * second + 3 * second, 0, 1);
        assertEquals(second, slow.quietNanos(), "the next save, three seconds later, is a single file");
        assertEquals(second / BurstPace.SETTLE_PERIODS_PER_QUIET_PERIOD, slow.readyNanos());
    }

    @Test
    void aQuietPeriodBetweenTheDefaultAndTheStallWaitWaitsAtMostTheStallWait() {
        long quiet = BurstPace.LONGEST_STALL_WAIT_NANOS / 2;
        BurstPace raised = new BurstPace(quiet);
        raised.written(0, 0, 1);
        raised.written(1, 1, 2);
        assertEquals(BurstPace.LONGEST_STALL_WAIT_NANOS, raised.quietNanos());
        raised.handedOut();
        raised.written(1 + BurstPace.LONGEST_STALL_WAIT_NANOS, 0, 1);
        assertEquals(quiet, raised.quietNanos(), "a write the stall wait after a burst starts a new one");
    }

    private void burstHandedOutThenWriteAfterSevenQuietPeriods() {
        pace.written(1000, 0, 1);
        pace.written(1001, 1, 2);
        pace.handedOut();
        pace.written(1001 + 7 * QUIET, 0, 1);
    }
}
