package dev.reload.agent.it;

import dev.reload.agent.bench.ReloadTimesLine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.reload.agent.it.StructuralReloadIT.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sync=CLASS.METHOD}: a batch applies at the entry of the game's next frame, on the game's thread, so no
 * frame runs half old and half new code, and hooks run on the game's thread; a name the game never calls still lets
 * the batch apply, on the agent's thread, after a second, and says so. With {@code log=debug} a line after the report
 * says where the batch's time went, the wait for the sync point among it.
 */
class SyncPointIT {
    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void aBatchAppliesBetweenFramesOnTheGameThread(Path jdk) {
        try (StructuralChild child = StructuralChild.start(jdk, work, "sync-point", "fixture.sync.Main",
                "sync=fixture.sync.Game.update")) {
            child.call("startLoop");
            assertContains(child.install("v2"), "[reload] 1 class in ", "fixture.sync.Game (first, second)");
            child.awaitStdout("^hook ran on game-loop$");
            assertEquals(List.of("frames mixing versions 0, last frame 2/2"), child.call("status"),
                    child::transcript);
            assertStagesAddUp(child.awaitStderrContaining("[reload] where the "));
        }
    }

    /**
     * A hook that holds the game's thread at the sync point holds the game alone: the next save waits its second for
     * a frame, then applies on the agent's thread, where it waited for the hook to end.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void aHookHoldingTheGameThreadDoesNotHoldTheNextSave(Path jdk) {
        try (StructuralChild child = StructuralChild.start(jdk, work, "sync-point", "fixture.sync.Main",
                "sync=fixture.sync.Game.update")) {
            child.call("startLoop");
            assertContains(child.install("v3"), "[reload] 1 class in ", "fixture.sync.Game (first, second, rebuilt)");
            child.awaitStdout("^hook sleeping on game-loop$");

            assertContains(child.install("v4"), "[reload] 1 class in ", "fixture.sync.Game (first, second, rebuilt)");
            child.awaitStderrContaining("[reload] no call of fixture.sync.Game.update within 1000 ms");
            assertFalse(child.printed("hook woke"), () -> "the save waited for the hook: " + child.transcript());
        }
    }

    /** The debug line after a batch's report: where its time went, the stages adding up to the total it gives. */
    private static void assertStagesAddUp(String line) {
        Optional<ReloadTimesLine> times = ReloadTimesLine.parse(line);
        assertTrue(times.isPresent(), line);
        // Each figure is rounded to a tenth of a millisecond on its own: the eight stages and the total.
        assertEquals(times.get().total(), times.get().stages(), 0.45, line);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void aSyncPointNoFrameReachesLetsTheBatchApplyOnTheAgentsThread(Path jdk) {
        try (StructuralChild child = StructuralChild.start(jdk, work, "sync-point", "fixture.sync.Main",
                "sync=fixture.sync.Game.draw")) {
            child.call("startLoop");
            child.awaitStderrContaining("[reload] sync=fixture.sync.Game.draw: fixture.sync.Game has no method draw");
            assertContains(child.install("v2"), "[reload] 1 class in ", "fixture.sync.Game (first, second)");
            child.awaitStderrContaining("[reload] no call of fixture.sync.Game.draw within 1000 ms");
            child.awaitStdout("^hook ran on reload-hooks$");
            List<String> status = child.call("status");
            assertTrue(status.size() == 1 && status.get(0).endsWith("last frame 2/2"), status + child.transcript());
        }
    }
}
