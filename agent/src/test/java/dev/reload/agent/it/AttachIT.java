package dev.reload.agent.it;

import com.sun.tools.attach.VirtualMachine;
import dev.reload.fixtures.harness.AgentJar;
import dev.reload.fixtures.harness.ChildJvm;
import dev.reload.fixtures.harness.Jdks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;

/** The agent attached to a program that is already running: classes loaded before are captured from their files. */
class AttachIT {
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
    void classesLoadedBeforeTheAttachAreReloaded(Path jdk) throws Exception {
        Path classes = work.resolve("classes");
        FixtureClasses.install(compiled.resolve("body-v1"), classes);
        ChildJvm.Builder builder = ChildJvm.on(jdk).classPath(classes).main("fixture.body.Main");
        if (Jdks.featureVersion(jdk) >= 21) {
            // JDK 21 and later warn about agents loaded into a running program unless it allows them up front.
            builder.jvmOption("-XX:+EnableDynamicAgentLoading");
        }
        try (ChildJvm child = builder.start()) {
            child.awaitStdout("v1 ticks=");
            VirtualMachine vm = VirtualMachine.attach(Long.toString(child.pid()));
            try {
                vm.loadAgent(AgentJar.path().toString(), "log=debug");
            } finally {
                vm.detach();
            }
            child.awaitStderr("^\\[reload\\] captured [1-9]\\d* classes loaded before the agent was attached$");
            child.awaitStderr(WatchingChild.WATCHING);
            FixtureClasses.install(compiled.resolve("body-v2"), classes);
            child.awaitStderr("^\\[reload\\] 1 class in \\d+ ms: fixture\\.body\\.Player \\(describe\\)$");
            child.awaitStdout("v2 ticks=");
        }
    }
}
