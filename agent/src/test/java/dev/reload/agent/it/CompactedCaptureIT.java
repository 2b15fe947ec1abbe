package dev.reload.agent.it;

import dev.reload.agent.bench.reference.ReferenceAgentJar;
import dev.reload.fixtures.harness.ChildJvm;
import dev.reload.fixtures.harness.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent keeps no class file of a loaded class once loading pauses, only its shape and its class file's hash: an
 * edit that adds members then needs the running bytes back from the JVM, and a class file written again as it was is
 * left out by that hash. Shown on classes compacted before their first edit.
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
            child.awaitStderr(COMPACTED);
            assertEquals(List.of("v1 frames=1"), child.call("step"), child::transcript);

            String v2 = child.install("v2");
            assertTrue(v2.contains("fixture.structural.Game (frame, ") && v2.contains("lambda added in frame()")
                    && v2.contains("method added: String describe(String)"), child.transcript());
            assertEquals(List.of("v2 [game:2] 4 | tick 2"), child.call("step"), child::transcript);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void aMethodRemovedFromACompactedClassWhoseFileWasSavedOverKeepsItsLastBody(Path jdk) throws Exception {
        try (StructuralChild child = StructuralChild.start(jdk, work, "removed-while-running",
                "fixture.midframe.Main")) {
            child.awaitStderr(COMPACTED);
            assertEquals(List.of("frame: v1 20"), child.call("frame"), child::transcript);
            // World loaded in that frame; once loading pauses again the agent compacts it to its members' name hashes.
            awaitCompactions(child, 2);

            // v2 drops bonus(int): neither v2 nor the file, which v2 was written over, names it; the JVM does.
            child.call("startFrame");
            String v2 = child.install("v2");
            assertTrue(v2.contains("method removed: static int bonus(int)"), child::transcript);
            assertTrue(child.transcript().contains("fixture.midframe.World: the JVM rebuilt the class file it runs, to"
                    + " name its members"), child::transcript);
            assertEquals(List.of("frame: v1 20"), child.call("finishFrame"), child::transcript);
            assertEquals(List.of("frame: v2 103"), child.call("frame"), child::transcript);
        }
    }

    private static void awaitCompactions(StructuralChild child, int count) throws InterruptedException {
        Pattern compacted = Pattern.compile(COMPACTED);
        for (int attempt = 0; attempt < 200; attempt++) {
            if (child.transcript().lines().filter(line -> compacted.matcher(line).find()).count() >= count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("fewer than " + count + " compactions:\n" + child.transcript());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void classFilesWrittenAgainAsTheyWereAreLeftOutByTheHashTheirClassesKept(Path jdk) throws Exception {
        Path v1 = FixtureClasses.compile(work, "body", "v1");
        Path v2 = FixtureClasses.compile(work, "body", "v2");
        Path classes = work.resolve("classes");
        FixtureClasses.install(v1, classes);
        try (ChildJvm child = WatchingChild.start(jdk, "", "fixture.body.Main", classes)) {
            child.awaitStderr(COMPACTED);
            // A build that changed nothing writes every class file again as it was; then a real edit.
            FixtureClasses.install(v1, classes);
            Thread.sleep(500);
            FixtureClasses.install(v2, classes);
            child.awaitStderr("^\\[reload\\] 1 class in \\d+ ms: fixture\\.body\\.Player ");
            child.awaitStdout("^v2 ticks=");
            List<String> readAgain = child.stderr().stream()
                    .filter(line -> line.startsWith("[reload] no loaded class changed")).toList();
            assertEquals(List.of(), readAgain, "files that hold what their classes loaded were judged again");
        }
    }
}
