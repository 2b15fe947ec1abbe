package dev.reload.agent.reload;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReloadTimesTest {
    private static final long MS = 1_000_000;

    @Test
    void eachStageRunsFromTheEndOfTheOneBefore() {
        ReloadTimes times = ReloadTimes.beforeApplying(1_000 * MS, 1_009 * MS, 1_014 * MS,
                        1_015 * MS + MS / 5, 1_015 * MS + MS / 5)
                .applied(1_031 * MS, 12 * MS, 1_045 * MS);

        assertEquals("where the 45.0 ms went: 9.0 from the first write to the last, 5.0 from the last write to"
                + " the batch's end, 1.2 judging and planning, 0.0 to the end of the settle period, 15.8 waiting to"
                + " be applied, 12.0 in redefineClasses, 2.0 defining new classes and recording what runs",
                times.describe());
    }

    @Test
    void aBatchHandedOutBeforeItsSettlePeriodEndedWaitsForItAfterItsPlan() {
        ReloadTimes times = ReloadTimes.beforeApplying(0, 0, 2 * MS, 3 * MS, 5 * MS).applied(5 * MS, 3 * MS, 9 * MS);

        assertEquals("where the 9.0 ms went: 0.0 from the first write to the last, 2.0 from the last write to the"
                + " batch's end, 1.0 judging and planning, 2.0 to the end of the settle period, 0.0 waiting to be"
                + " applied, 3.0 in redefineClasses, 1.0 defining new classes and recording what runs",
                times.describe());
    }

    @Test
    void roundsEachStageToATenthOfAMillisecondHalfUp() {
        ReloadTimes times = ReloadTimes.beforeApplying(0, 950_000, 1_049_999, 1_050_000 + 1_049_999,
                        1_050_000 + 1_049_999)
                .applied(1_050_000 + 1_049_999, 11_950_000, 1_050_000 + 1_049_999 + 11_950_000 + 50_000);

        assertEquals("where the 14.1 ms went: 1.0 from the first write to the last, 0.1 from the last write to"
                + " the batch's end, 1.1 judging and planning, 0.0 to the end of the settle period, 0.0 waiting to"
                + " be applied, 12.0 in redefineClasses, 0.1 defining new classes and recording what runs",
                times.describe());
    }
}
