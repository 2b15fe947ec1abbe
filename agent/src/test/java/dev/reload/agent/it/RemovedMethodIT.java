package dev.reload.agent.it;

import dev.reload.fixtures.harness.CompilerKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static dev.reload.agent.it.StructuralReloadIT.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A method removed while the frame that calls it is running, the race made certain: the game thread stops inside
 * the frame, the reload lands, then the frame goes on and calls the method the new version dropped. The frame
 * finishes in its old code and the method runs its last version, whether the class loaded with it or an earlier
 * reload added it; lambdas made earlier keep calling it too, and the program never sees an error.
 */
class RemovedMethodIT {
    private static final String REMOVED_BONUS = "method removed: static int bonus(int); code from before that still"
            + " calls it runs its last version";
    private static final String REMOVED_BOOST = "method removed: static int boost(int); code from before that still"
            + " calls it runs its last version";

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.reload.agent.it.StructuralReloadIT#jdksAndCompilers")
    void aFrameRunningWhenItsHelperIsRemovedFinishesOnTheHelpersLastBody(Path jdk, CompilerKind compiler) {
        try (StructuralChild child = StructuralChild.start(jdk, compiler, work, "removed-while-running",
                "fixture.midframe.Main")) {
            assertEquals(List.of("frame: v1 20"), child.call("frame"), child::transcript);

            // v2 drops bonus(int), which the v1 frame held inside calls next.
            child.call("startFrame");
            assertContains(child.install("v2"), REMOVED_BONUS, "method added: static int boost(int)");
            assertEquals(List.of("frame: v1 20"), child.call("finishFrame"), child::transcript);
            assertEquals(List.of("frame: v2 103"), child.call("frame"), child::transcript);

            // v3 drops boost(int), which v2 added: the held v2 frame and the lambda v2 made still call it.
            child.call("startFrame");
            assertContains(child.install("v3"), REMOVED_BOOST);
            assertEquals(List.of("frame: v2 103"), child.call("finishFrame"), child::transcript);
            assertEquals(List.of("kept 101"), child.call("callKept"), child::transcript);
            assertEquals(List.of("frame: v3 4000"), child.call("frame"), child::transcript);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void editUndoAndRedoWhileFramesRunNeverKillTheGame(Path jdk) {
        try (StructuralChild child = StructuralChild.start(jdk, work, "removed-while-running",
                "fixture.midframe.Main")) {
            for (int round = 0; round < 3; round++) {
                child.call("startFrame");
                assertContains(child.install("v2"), REMOVED_BONUS);
                assertEquals(List.of("frame: v1 20"), child.call("finishFrame"), child::transcript);

                // Undo: back to v1, which drops boost(int) while a v2 frame is about to call it.
                child.call("startFrame");
                assertContains(child.install("v1"), REMOVED_BOOST);
                assertEquals(List.of("frame: v2 103"), child.call("finishFrame"), child::transcript);
                assertEquals(List.of("kept 101"), child.call("callKept"), child::transcript);
                assertEquals(List.of("frame: v1 20"), child.call("frame"), child::transcript);
            }
            assertTrue(child.transcript().lines().noneMatch(line -> line.contains("threw")), child::transcript);
        }
    }
}
