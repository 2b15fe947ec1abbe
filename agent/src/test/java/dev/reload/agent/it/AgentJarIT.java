package dev.reload.agent.it;

import dev.reload.fixtures.harness.AgentJar;
import dev.reload.fixtures.harness.ChildJvm;
import dev.reload.fixtures.harness.FixtureCompiler;
import dev.reload.fixtures.harness.Fixtures;
import dev.reload.fixtures.harness.Jdks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar: its contents, its manifest, its command line, and how it starts inside a program. */
class AgentJarIT {
    @TempDir
    static Path classes;

    @BeforeAll
    static void compileHello() {
        assertEquals(List.of(), Jdks.missing(), "JDKs listed in reload.test.jdks are missing");
        FixtureCompiler.compile(Fixtures.sources("hello", "v1"), classes);
    }

    @Test
    void bundledLibrariesAreRelocated() throws IOException {
        try (JarFile jar = new JarFile(AgentJar.path().toFile())) {
            List<String> unrelocated = jar.stream().map(JarEntry::getName)
                    .filter(name -> name.startsWith("org/objectweb/asm/") || name.startsWith("net/bytebuddy/"))
                    .toList();
            assertEquals(List.of(), unrelocated);
            assertTrue(jar.getEntry("dev/reload/shaded/asm/ClassReader.class") != null, "relocated ASM is missing");
        }
    }

    @Test
    void classesAreStoredAndTheManifestComesFirst() throws IOException {
        try (JarFile jar = new JarFile(AgentJar.path().toFile())) {
            List<String> compressed = jar.stream().filter(entry -> entry.getName().endsWith(".class"))
                    .filter(entry -> entry.getMethod() != ZipEntry.STORED).map(JarEntry::getName).toList();
            assertEquals(List.of(), compressed, "the agent's classes load before main: each inflate is start-up time");
        }
        try (JarInputStream stream = new JarInputStream(Files.newInputStream(AgentJar.path()))) {
            assertTrue(stream.getManifest() != null, "a reader that streams the jar finds no manifest");
        }
    }

    @Test
    void manifestDeclaresTheAgent() throws IOException {
        try (JarFile jar = new JarFile(AgentJar.path().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("dev.reload.agent.ReloadAgent", main.getValue("Premain-Class"));
            assertEquals("dev.reload.agent.ReloadAgent", main.getValue("Agent-Class"));
            assertEquals("dev.reload.agent.cli.Main", main.getValue("Main-Class"));
            assertEquals("true", main.getValue("Can-Redefine-Classes"));
            assertEquals("true", main.getValue("Can-Retransform-Classes"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void helpPrintsUsage(Path jdk) {
        try (ChildJvm cli = ChildJvm.on(jdk).jvmOption("-jar").main(AgentJar.path().toString(), "--help").start()) {
            assertEquals(0, cli.awaitExit(Duration.ofSeconds(60)), cli::transcript);
            cli.awaitStdout("Options");
            cli.awaitStdout("diff \\[--loader=app\\|other\\] OLD.class NEW.class");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void badOptionSwitchesTheAgentOffAndTheProgramRuns(Path jdk) {
        try (ChildJvm child = ChildJvm.on(jdk).reloadAgent("nosuchkey=1").classPath(classes)
                .main("fixture.hello.Hello").start()) {
            assertEquals(0, child.awaitExit(Duration.ofSeconds(60)), child::transcript);
            child.awaitStdout("hello ran to the end");
            List<String> reloadLines = child.stderr().stream().filter(l -> l.startsWith("[reload]")).toList();
            assertEquals(1, reloadLines.size(), child::transcript);
            assertTrue(reloadLines.get(0).contains("unknown option 'nosuchkey'"), child::transcript);
            assertTrue(reloadLines.get(0).contains("agent is off"), child::transcript);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void badSystemPropertyValueSwitchesTheAgentOffAndTheProgramRuns(Path jdk) {
        try (ChildJvm child = ChildJvm.on(jdk).reloadAgent("").jvmOption("-Dreload.quiet=soon").classPath(classes)
                .main("fixture.hello.Hello").start()) {
            assertEquals(0, child.awaitExit(Duration.ofSeconds(60)), child::transcript);
            child.awaitStdout("hello ran to the end");
            List<String> reloadLines = child.stderr().stream().filter(l -> l.startsWith("[reload]")).toList();
            assertEquals(1, reloadLines.size(), child::transcript);
            assertTrue(reloadLines.get(0).contains("option 'quiet' needs a whole number of milliseconds"),
                    child::transcript);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void programEndsNormallyWithTheAgent(Path jdk) {
        try (ChildJvm child = ChildJvm.on(jdk).reloadAgent("").classPath(classes).main("fixture.hello.Hello").start()) {
            assertEquals(0, child.awaitExit(Duration.ofSeconds(60)), child::transcript);
            child.awaitStdout("hello ran to the end");
        }
    }
}
