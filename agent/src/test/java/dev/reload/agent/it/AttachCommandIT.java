package dev.reload.agent.it;

import dev.reload.fixtures.harness.AgentJar;
import dev.reload.fixtures.harness.ChildJvm;
import dev.reload.fixtures.harness.Jdks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code java -jar reload-agent.jar list} and {@code attach}, run as a user runs them, against programs started without the agent. */
class AttachCommandIT {
    @TempDir
    static Path compiled;

    @TempDir
    Path work;

    @BeforeAll
    static void compileVersions() {
        FixtureClasses.compile(compiled, "body", "v1");
        FixtureClasses.compile(compiled, "body", "v2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void listShowsTheProgramAndAttachLoadsTheAgentThatThenReloads(Path jdk) {
        Path classes = work.resolve("classes");
        FixtureClasses.install(compiled.resolve("body-v1"), classes);
        try (ChildJvm child = ChildJvm.on(jdk).classPath(classes).main("fixture.body.Main").start()) {
            child.awaitStdout("v1 ticks=");
            String pid = Long.toString(child.pid());
            Cli list = Cli.run(jdk, "list");
            assertEquals(0, list.exitCode(), list::transcript);
            assertTrue(list.stdout().stream().anyMatch(line -> line.matches(pid + "\\s+fixture\\.body\\.Main")),
                    list::transcript);

            Cli attach = Cli.run(jdk, "attach", pid, "log=debug");
            assertEquals(0, attach.exitCode(), attach::transcript);
            assertTrue(attach.stdout().contains("reload-agent attached to " + pid
                    + " (fixture.body.Main) with options 'log=debug'"), attach::transcript);
            assertTrue(attach.stdout().stream().anyMatch(line -> line.contains("that program's standard error")),
                    attach::transcript);
            boolean warns = Jdks.featureVersion(jdk) >= 21;
            assertEquals(warns, attach.stdout().stream().anyMatch(line -> line.startsWith("note: ")
                    && line.contains("-XX:+EnableDynamicAgentLoading")), attach::transcript);
            if (warns) {
                child.awaitStderr("^WARNING: A Java agent has been loaded dynamically");
            }
            child.awaitStderr("^\\[reload\\] captured [1-9]\\d* classes loaded before the agent was attached$");
            child.awaitStderr(WatchingChild.WATCHING);

            FixtureClasses.install(compiled.resolve("body-v2"), classes);
            child.awaitStderr("^\\[reload\\] 1 class in \\d+ ms: fixture\\.body\\.Player \\(describe\\)$");
            child.awaitStdout("v2 ticks=");

            Cli again = Cli.run(jdk, "attach", pid);
            assertEquals(0, again.exitCode(), again::transcript);
            assertTrue(again.stdout().get(0).startsWith("reload-agent runs in " + pid + " (fixture.body.Main) already,"
                    + " with options 'log=debug'; not loaded again."), again::transcript);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void attachSaysInOneLineWhyItCannot(Path jdk) {
        Path classes = work.resolve("classes");
        FixtureClasses.install(compiled.resolve("body-v1"), classes);
        try (ChildJvm closed = ChildJvm.on(jdk).jvmOption("-XX:+DisableAttachMechanism").classPath(classes)
                .main("fixture.body.Main").start()) {
            closed.awaitStdout("v1 ticks=");
            Cli attach = Cli.run(jdk, "attach", Long.toString(closed.pid()));
            assertEquals(1, attach.exitCode(), attach::transcript);
            assertEquals(List.of("[reload] error: cannot attach: " + closed.pid() + " was started with"
                    + " -XX:+DisableAttachMechanism, which turns attaching off: restart it with"
                    + " -javaagent:reload-agent.jar instead"), attach.stderr(), attach::transcript);
        }
        Cli unknown = Cli.run(jdk, "attach", "no.such.MainClass");
        assertEquals(1, unknown.exitCode(), unknown::transcript);
        assertEquals(List.of("[reload] error: cannot attach: no running Java program's main class contains"
                + " 'no.such.MainClass'; `list` shows them"), unknown.stderr(), unknown::transcript);
        Cli badOption = Cli.run(jdk, "attach", "1", "qiuet=5");
        assertEquals(64, badOption.exitCode(), badOption::transcript);
        assertTrue(badOption.stderr().get(0).contains("unknown option 'qiuet'"), badOption::transcript);
    }

    /** One finished run of the command line, as {@code java -jar reload-agent.jar ...}. */
    private record Cli(int exitCode, List<String> stdout, List<String> stderr, String transcript) {
        static Cli run(Path jdk, String... arguments) {
            try (ChildJvm cli = ChildJvm.on(jdk).jar(AgentJar.path(), arguments).start()) {
                int exitCode = cli.awaitExit(Duration.ofSeconds(60));
                return new Cli(exitCode, cli.stdout(), cli.stderr(), cli.transcript());
            }
        }
    }
}
