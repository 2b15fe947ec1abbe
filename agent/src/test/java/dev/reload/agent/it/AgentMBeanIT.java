package dev.reload.agent.it;

import com.sun.tools.attach.VirtualMachine;
import dev.reload.fixtures.harness.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MBean dev.reload:type=Agent, read and driven through JMX from outside, as JConsole or JMC do; the agent does not
 * start JMX in a program that does not use it, and registers the bean once a tool starts it.
 */
class AgentMBeanIT {
    private static final String APPLIED = "^\\[reload\\] 1 class in \\d+ ms: fixture\\.body\\.Player \\(describe\\)$";

    @TempDir
    static Path compiled;

    @TempDir
    Path work;

    @BeforeAll
    static void compileVersions() {
        FixtureClasses.compile(compiled, "body", "v1");
        FixtureClasses.compile(compiled, "body", "v2");
        FixtureClasses.compile(compiled, "body", "v3");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void countsAndLastReportFollowTheBatchesAndPauseHoldsChangesUntilResume(Path jdk) throws Exception {
        Path classes = work.resolve("classes");
        FixtureClasses.install(compiled.resolve("body-v1"), classes);
        try (ChildJvm child = WatchingChild.start(jdk, "", "fixture.body.Main", classes);
             JMXConnector jmx = connect(child)) {
            child.awaitStderr("^\\[reload\\] registered the MBean dev\\.reload:type=Agent$");
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            ObjectName agent = new ObjectName("dev.reload:type=Agent");
            assertEquals(0L, server.getAttribute(agent, "ReloadCount"));
            assertEquals("", server.getAttribute(agent, "LastReport"));

            FixtureClasses.install(compiled.resolve("body-v2"), classes);
            child.awaitStderr(APPLIED);
            awaitAttribute(server, agent, "ReloadCount", 1L);
            assertTrue(((String) server.getAttribute(agent, "LastReport")).endsWith("fixture.body.Player (describe)"));

            FixtureClasses.install(compiled.resolve("body-v3"), classes);
            child.awaitStderr("^\\[reload\\] refused, nothing was changed");
            awaitAttribute(server, agent, "FailureCount", 1L);
            assertTrue(((String) server.getAttribute(agent, "LastReport")).startsWith("refused, nothing was changed"));

            server.invoke(agent, "pause", null, null);
            assertEquals(true, server.getAttribute(agent, "Paused"));
            int stderrMark = child.stderrMark();
            int stdoutMark = child.stdoutMark();
            FixtureClasses.install(compiled.resolve("body-v1"), classes);
            // Fifty frames (a second or more) in which an unpaused agent would have applied the change many times over.
            for (int frame = 0; frame < 50; frame++) {
                child.awaitStdoutAfter(stdoutMark + frame, "^v2 ticks=");
            }
            assertTrue(child.stderr().subList(stderrMark, child.stderrMark()).stream()
                    .noneMatch(line -> line.matches(APPLIED)), child::transcript);

            server.invoke(agent, "resume", null, null);
            child.awaitStderrAfter(stderrMark, APPLIED);
            child.awaitStdoutAfter(stdoutMark, "^v1 ticks=");
            awaitAttribute(server, agent, "ReloadCount", 2L);
            assertEquals(false, server.getAttribute(agent, "Paused"));
            int looked = (Integer) server.invoke(agent, "rescan", null, null);
            assertTrue(looked >= 2, "rescan looked at " + looked + " files");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void jmxIsNotStartedByTheAgentAndTheBeanAppearsOnceAToolStartsIt(Path jdk) throws Exception {
        ClassLoadLog log = new ClassLoadLog(work.resolve("class-loads.log"));
        try (ChildJvm child = log.startAndReloadOnce(jdk, compiled, work.resolve("classes"))) {
            assertFalse(log.showsClass("com.sun.jmx.mbeanserver.JmxMBeanServer "),
                    "the agent started JMX in a program that does not use it");
            try (JMXConnector jmx = connect(child)) {
                child.awaitStderr("^\\[reload\\] registered the MBean dev\\.reload:type=Agent$");
                awaitAttribute(jmx.getMBeanServerConnection(), new ObjectName("dev.reload:type=Agent"), "ReloadCount",
                        1L);
            }
        }
    }

    private static JMXConnector connect(ChildJvm child) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(child.pid()));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        return JMXConnectorFactory.connect(new JMXServiceURL(address));
    }

    private static void awaitAttribute(MBeanServerConnection server, ObjectName name, String attribute,
                                       Object expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Object value = server.getAttribute(name, attribute);
        while (!expected.equals(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(attribute + " is still " + Objects.toString(value));
            }
            Thread.sleep(20);
            value = server.getAttribute(name, attribute);
        }
    }
}
