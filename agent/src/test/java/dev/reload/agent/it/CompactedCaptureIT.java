package dev.reload.agent.it;

import dev.reload.agent.bench.reference.ReferenceAgentJar;
import dev.reload.fixtures.harness.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent keeps no class file of a loaded class once loading pauses, only its shape: an edit that adds members
 * then needs the running bytes back from the JVM. Shown on a class compacted before its first edit, which another
 * agent changed as it loaded; and, with no other agent, where a class that loads as compiled keeps only its file's
 * hash, on a class whose file is written before it is compacted and on one compacted before.
 */
class CompactedCaptureIT {
    private static final String COMPACTED = "^\\[reload\\] compacted \\d+ captured class";

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void membersAreAddedToAClassWhoseClassFileWasDroppedAfterLoading(Path jdk) throws IOException {
        // Another agent changes Game as it loads (and at each redefinition): the capture then stays registered, and
        // the running bytes a structural edit reads back are that agent's.
        Path otherAgent = ReferenceAgentJar.pack(work.resolve("other-agent.jar"), SourceFileRenamingAgent.class);
        try (StructuralChild child = StructuralChild.start(jdk, work,
                Fixtures.sources("structural-methods", "v1"), "structural-methods", "fixture.structural.Main",
                List.of("-javaagent:" + otherAgent + "=fixture/structural/Game"))) {
            child.awaitStderr("^\\[reload\\] agent started .*; the capture sees every class load");
            // Main and Game load before the program says it is ready; once loading pauses the agent compacts them,
            // and says so at debug level.
            stepsThroughV2AfterCompacting(child);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void aClassWhoseFileIsWrittenRightAfterItLoadedIsJudgedAgainstWhatTheJvmRuns(Path jdk) {
        // Nothing loads from the live directory until the command, which writes v2 a moment after Game loaded: its
        // shape cannot come from its file any more, only from the JVM. Main loads v2 when first called.
        try (StructuralChild child = StructuralChild.start(jdk, work, "structural-methods", "java.lang.Object")) {
            assertAddedMembers(child, child.loadThenInstall("fixture.structural.Game", "v2"));
            assertEquals(List.of("v2 [game:1] 2 | tick 1"), child.call("fixture.structural.Main.step"),
                    child::transcript);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void aClassThatLoadedAsCompiledIsJudgedAgainstItsFileReadBackOnceCompacted(Path jdk) {
        try (StructuralChild child = StructuralChild.start(jdk, work, "structural-methods", "fixture.structural.Main")) {
            stepsThroughV2AfterCompacting(child);
        }
    }

    /** Steps v1 once its classes are compacted, installs v2, and steps it. */
    private static void stepsThroughV2AfterCompacting(StructuralChild child) {
        child.awaitStderr(COMPACTED);
        assertEquals(List.of("v1 frames=1"), child.call("step"), child::transcript);
        assertAddedMembers(child, child.install("v2"));
        assertEquals(List.of("v2 [game:2] 4 | tick 2"), child.call("step"), child::transcript);
    }

    private static void assertAddedMembers(StructuralChild child, String outcome) {
        assertTrue(outcome.contains("fixture.structural.Game (frame, ") && outcome.contains("lambda added in frame()")
                && outcome.contains("method added: String describe(String)"), child.transcript());
    }
}
