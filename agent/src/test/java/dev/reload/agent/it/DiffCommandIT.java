package dev.reload.agent.it;

import dev.reload.fixtures.harness.AgentJar;
import dev.reload.fixtures.harness.ChildJvm;
import dev.reload.fixtures.harness.FixtureCompiler;
import dev.reload.fixtures.harness.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code java -jar reload-agent.jar diff OLD.class NEW.class} from the packaged jar, on each JDK. */
class DiffCommandIT {
    @TempDir
    static Path work;

    @BeforeAll
    static void compileVersions() {
        FixtureCompiler.compile(Fixtures.sources("lambda-inserted", "v1"), work.resolve("v1"));
        FixtureCompiler.compile(Fixtures.sources("lambda-inserted", "v2"), work.resolve("v2"));
        for (String version : List.of("v1", "v2")) {
            FixtureClasses.compile(work, "attach-structural", version);
        }
        for (String version : List.of("v1", "v3")) {
            FixtureClasses.compile(work, "body", version);
        }
    }

    /**
     * A class of the application class loader runs as compiled, and the diff judges it so: its verdict on an edit
     * that adds a method and a field and on one that makes a field static is what a real reload of the class does,
     * change for change and reason for reason.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void diffOfAnApplicationClassSaysWhatARealReloadDoes(Path jdk) {
        List<String> rewritten = diffLines(jdk, "attach-structural", "fixture/attached/Player.class", "v2", 1);
        String applied = reload(jdk, "attach-structural", "fixture.attached.Main", "v2",
                "^\\[reload\\] 1 class in \\d+ ms: fixture\\.attached\\.Player \\(.*\\)$");
        assertTrue(rewritten.contains("  method added: int heal(int)") && rewritten.contains("  field added: int hp"),
                rewritten::toString);
        assertAllIn(rewritten, "  method added: ", applied);
        assertAllIn(rewritten, "  field added: ", applied);

        List<String> refused = diffLines(jdk, "body", "fixture/body/Player.class", "v3", 2);
        String refusal = reload(jdk, "body", "fixture.body.Main", "v3",
                "^\\[reload\\] refused, nothing was changed: .*");
        List<String> reasons = refused.subList(refused.indexOf("Why:") + 1, refused.size());
        assertTrue(!reasons.isEmpty(), refused::toString);
        for (String reason : reasons) {
            assertTrue(refusal.contains(reason.strip()), () -> "the agent refused for the same reason: " + reason
                    + " in " + refusal);
        }
    }

    /** {@return the lines {@code diff} prints for the class between v1 and {@code version}, once it exits so} */
    private static List<String> diffLines(Path jdk, String fixtureCase, String classFile, String version, int exit) {
        try (ChildJvm cli = ChildJvm.on(jdk).jvmOption("-jar").main(AgentJar.path().toString(), "diff",
                work.resolve(fixtureCase + "-v1").resolve(classFile).toString(),
                work.resolve(fixtureCase + "-" + version).resolve(classFile).toString()).start()) {
            assertEquals(exit, cli.awaitExit(Duration.ofSeconds(60)), cli::transcript);
            return cli.stdout();
        }
    }

    /** {@return the agent's report line on {@code version} installed over v1 in a running program} */
    private static String reload(Path jdk, String fixtureCase, String mainClass, String version, String reportLine) {
        Path classes = work.resolve(fixtureCase + "-running-" + jdk.getFileName());
        FixtureClasses.install(work.resolve(fixtureCase + "-v1"), classes);
        try (ChildJvm child = WatchingChild.start(jdk, "", mainClass, classes)) {
            child.awaitStdout("^v1 ");
            FixtureClasses.install(work.resolve(fixtureCase + "-" + version), classes);
            return child.awaitStderr(reportLine);
        }
    }

    private static void assertAllIn(List<String> diffLines, String prefix, String reportLine) {
        for (String line : diffLines) {
            if (line.startsWith(prefix)) {
                assertTrue(reportLine.contains(line.strip()), () -> "the reload did what the diff said: " + line
                        + " in " + reportLine);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void diffSaysALambdaIsReloadedThroughTheRewriteAndExitsOne(Path jdk) {
        String player = "fixture/lambdainserted/Player.class";
        try (ChildJvm cli = ChildJvm.on(jdk).jvmOption("-jar").main(AgentJar.path().toString(), "diff",
                work.resolve("v1").resolve(player).toString(), work.resolve("v2").resolve(player).toString()).start()) {
            assertEquals(1, cli.awaitExit(Duration.ofSeconds(60)), cli::transcript);
            cli.awaitStdout("fixture.lambdainserted.Player: reloads through reload-agent.s rewrite");
            cli.awaitStdout("  lambda added in update\\(\\)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void diffOfAFileThatIsNoClassExitsThree(Path jdk) {
        Path source = Fixtures.sources("method-body", "v1").resolve("fixture/methodbody/Player.java");
        try (ChildJvm cli = ChildJvm.on(jdk).jvmOption("-jar").main(AgentJar.path().toString(), "diff",
                source.toString(), source.toString()).start()) {
            assertEquals(3, cli.awaitExit(Duration.ofSeconds(60)), cli::transcript);
            cli.awaitStderr("\\[reload\\] error: .*not a class file");
        }
    }
}
