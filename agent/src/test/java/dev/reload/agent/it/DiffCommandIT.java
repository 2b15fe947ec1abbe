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

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code java -jar reload-agent.jar diff OLD.class NEW.class} from the packaged jar, on each JDK. */
class DiffCommandIT {
    @TempDir
    static Path work;

    @BeforeAll
    static void compileVersions() {
        FixtureCompiler.compile(Fixtures.sources("lambda-inserted", "v1"), work.resolve("v1"));
        FixtureCompiler.compile(Fixtures.sources("lambda-inserted", "v2"), work.resolve("v2"));
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
