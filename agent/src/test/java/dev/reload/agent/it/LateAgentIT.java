package dev.reload.agent.it;

import dev.reload.agent.bench.reference.ReferenceAgentJar;
import dev.reload.fixtures.harness.ChildJvm;
import dev.reload.fixtures.harness.DynamicAttach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another agent attached to a program that runs reload-agent from the start, and changing a class at each
 * redefinition: the capture leaves the agent's redefinitions alone until the JVM's attach listener runs, and sees
 * that agent's change at the agent's next reload after the attach.
 */
class LateAgentIT {
    private static final String PLAYER_RELOADED = "^\\[reload\\] 1 class in \\d+ ms: fixture\\.body\\.Player \\(.*";
    private static final String LISTENER_SEEN = "^\\[reload\\] the JVM's attach listener runs";
    private static final String CHANGED_BY_OTHER =
            "^\\[reload\\] fixture\\.body\\.Player runs what another agent's transformer made of its new class file$";

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
    void anAgentAttachedLaterIsSeenChangingTheNextRedefinition(Path jdk) throws Exception {
        Path classes = work.resolve("classes");
        FixtureClasses.install(compiled.resolve("body-v1"), classes);
        Path otherAgent = ReferenceAgentJar.pack(work.resolve("other-agent.jar"), SourceFileRenamingAgent.class);
        ChildJvm.Builder builder = ChildJvm.on(jdk).reloadAgent("log=debug").classPath(classes)
                .main("fixture.body.Main");
        try (ChildJvm child = DynamicAttach.allowed(jdk, builder).start()) {
            child.awaitStderr("^\\[reload\\] agent started .*; one class-load hook$");
            child.awaitStderr(WatchingChild.WATCHING);
            child.awaitStdout("v1 ticks=");

            FixtureClasses.install(compiled.resolve("body-v2"), classes);
            child.awaitStderr(PLAYER_RELOADED);
            child.awaitStdoutAfter(child.stdoutMark(), "v2 ticks=");
            int attached = child.stderrMark();
            List<String> before = child.stderr();
            assertTrue(before.stream().noneMatch(line -> line.matches(LISTENER_SEEN + ".*")
                    || line.matches(CHANGED_BY_OTHER)), child::transcript);

            DynamicAttach.loadAgent(child, otherAgent, "fixture/body/Player");
            FixtureClasses.install(compiled.resolve("body-v1"), classes);
            child.awaitStderrAfter(attached, LISTENER_SEEN);
            child.awaitStderrAfter(attached, CHANGED_BY_OTHER);
            child.awaitStderrAfter(attached, PLAYER_RELOADED);
            child.awaitStdoutAfter(child.stdoutMark(), "v1 ticks=");
        }
    }
}
