package dev.reload.agent.it;

import dev.reload.fixtures.harness.AgentJar;
import dev.reload.fixtures.harness.ChildJvm;
import dev.reload.fixtures.harness.DynamicAttach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent attached to a program that is already running: classes loaded before are captured from their files. */
class AttachIT {
    private static final String PLAYER_RELOADED = "^\\[reload\\] 1 class in \\d+ ms: fixture\\.attached\\.Player \\(.*";

    @TempDir
    static Path compiled;

    @TempDir
    Path work;

    @BeforeAll
    static void compileVersions() {
        FixtureClasses.compile(compiled, "body", "v1");
        FixtureClasses.compile(compiled, "body", "v2");
        FixtureClasses.compile(compiled, "attach-structural", "v1");
        FixtureClasses.compile(compiled, "attach-structural", "v2");
        FixtureClasses.compile(compiled, "attach-structural", "v3");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void classesLoadedBeforeTheAttachAreReloaded(Path jdk) throws Exception {
        Path classes = work.resolve("classes");
        try (ChildJvm child = startThenAttach(jdk, compiled.resolve("body-v1"), classes, "fixture.body.Main",
                "v1 ticks=")) {
            FixtureClasses.install(compiled.resolve("body-v2"), classes);
            child.awaitStderr("^\\[reload\\] 1 class in \\d+ ms: fixture\\.body\\.Player \\(describe\\)$");
            child.awaitStdout("v2 ticks=");
        }
    }

    /**
     * A class of the application class loader loaded before the attach runs as compiled, as it would have loaded
     * with the agent from the start, so it takes structural edits: a field and a method added in one save, a second
     * edit of the added method and an undo apply while the game loop runs, and the player made before the attach
     * keeps its state throughout.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void classesLoadedBeforeTheAttachTakeStructuralEdits(Path jdk) throws Exception {
        Path classes = work.resolve("classes");
        try (ChildJvm child = startThenAttach(jdk, compiled.resolve("attach-structural-v1"), classes,
                "fixture.attached.Main", "^v1 early frames=")) {
            int before = framesOf(child.awaitStdoutAfter(child.stdoutMark(), "^v1 early frames=\\d+$"));

            int added = child.stderrMark();
            FixtureClasses.install(compiled.resolve("attach-structural-v2"), classes);
            String report = child.awaitStderrAfter(added, PLAYER_RELOADED);
            assertTrue(report.contains("method added: int heal(int)") && report.contains("field added: int hp"),
                    report);
            String healing = child.awaitStdoutAfter(child.stdoutMark(), "^v2 early frames=\\d+ hp=[1-9]\\d*$");
            assertTrue(framesOf(healing) > before, "the player kept its frames: " + healing);

            int second = child.stderrMark();
            FixtureClasses.install(compiled.resolve("attach-structural-v3"), classes);
            child.awaitStderrAfter(second, PLAYER_RELOADED);
            String healed = child.awaitStdoutAfter(child.stdoutMark(), "^v3 early frames=\\d+ hp=\\d*[1-9]\\d\\d\\d$");
            // v3 adds 1,000 a frame to what v2 left: the remainder is v2's hp, so the field kept its value.
            assertTrue(framesOf(healed) > framesOf(healing) && hpOf(healed) % 1000 >= hpOf(healing),
                    "the player kept its frames and hp across the second edit: " + healing + ", then " + healed);

            int undone = child.stderrMark();
            FixtureClasses.install(compiled.resolve("attach-structural-v1"), classes);
            String undo = child.awaitStderrAfter(undone, PLAYER_RELOADED);
            assertTrue(undo.contains("method removed: int heal(int)") && undo.contains("field removed: int hp"), undo);
            String back = child.awaitStdoutAfter(child.stdoutMark(), "^v1 early frames=\\d+$");
            assertTrue(framesOf(back) > framesOf(healed), "the player kept its frames after the undo: " + back);
            child.awaitStdoutAfter(child.stdoutMark(), "^v1 early frames=\\d+$");
        }
    }

    /**
     * {@return a child running {@code version} from {@code classes} without the agent, once it printed
     * {@code firstLine}, with the agent attached then and watching}; the child is closed if that fails
     */
    private static ChildJvm startThenAttach(Path jdk, Path version, Path classes, String mainClass, String firstLine)
            throws Exception {
        FixtureClasses.install(version, classes);
        ChildJvm child = DynamicAttach.allowed(jdk, ChildJvm.on(jdk).classPath(classes).main(mainClass)).start();
        try {
            child.awaitStdout(firstLine);
            DynamicAttach.loadAgent(child, AgentJar.path(), "log=debug");
            child.awaitStderr("^\\[reload\\] captured [1-9]\\d* classes loaded before the agent was attached$");
            child.awaitStderr(WatchingChild.WATCHING);
            return child;
        } catch (Exception | Error e) {
            child.close();
            throw e;
        }
    }

    private static int framesOf(String line) {
        return Integer.parseInt(line.replaceAll(".* frames=(\\d+).*", "$1"));
    }

    private static int hpOf(String line) {
        return Integer.parseInt(line.replaceAll(".* hp=(\\d+).*", "$1"));
    }
}
