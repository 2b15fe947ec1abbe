package dev.reload.agent.it;

import dev.reload.fixtures.harness.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Classes in loaders other than the application's, and an application that brings its own ASM. */
class ClassLoaderIT {
    @TempDir
    static Path compiled;

    @TempDir
    Path work;

    @BeforeAll
    static void compileVersions() {
        FixtureClasses.compile(compiled, "plugin-host", "v1");
        FixtureClasses.compile(compiled, "plugin", "v1");
        FixtureClasses.compile(compiled, "plugin", "v2");
        FixtureClasses.compile(compiled, "plugin", "v3");
        FixtureClasses.compile(compiled, "own-asm", "v1", applicationAsm());
        FixtureClasses.compile(compiled, "own-asm", "v2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void sameClassInTwoIsolatedLoadersIsReloadedPerLoader(Path jdk) {
        Path first = work.resolve("plugins-a");
        Path second = work.resolve("plugins-b");
        FixtureClasses.install(compiled.resolve("plugin-v1"), first);
        FixtureClasses.install(compiled.resolve("plugin-v1"), second);
        String[] arguments = {first.toString(), second.toString()};
        try (ChildJvm child = WatchingChild.start(jdk, "", WatchingChild.WATCHING + Pattern.quote(first.toString()),
                "fixture.host.Main", arguments, compiled.resolve("plugin-host-v1"))) {
            child.awaitStdout("^plugin\\[1\\] says v1");
            FixtureClasses.install(compiled.resolve("plugin-v2"), first);
            child.awaitStderr("^\\[reload\\] 1 class in \\d+ ms: fixture\\.plugin\\.Plugin \\(greet\\)$");
            int mark = child.stdoutMark();
            String changed = child.awaitStdoutAfter(mark, "^plugin\\[0\\] says v2 calls=\\d+");
            assertTrue(callsOf(changed) > 1, "the plugin object kept its state: " + changed);
            child.awaitStdoutAfter(mark, "^plugin\\[1\\] says v1");
            int later = child.stdoutMark();
            child.awaitStdoutAfter(later, "^plugin\\[1\\] says v1");

            // A class of another loader than the application's loaded with the spare nest members: an anonymous
            // class added loads under its own name as a true nestmate.
            int structural = child.stdoutMark();
            FixtureClasses.install(compiled.resolve("plugin-v3"), first);
            child.awaitStderr("^\\[reload\\] 1 class in \\d+ ms: fixture\\.plugin\\.Plugin \\(.*anonymous class added:"
                    + " fixture\\.plugin\\.Plugin\\$1.*\\)$");
            child.awaitStdoutAfter(structural, "^plugin\\[0\\] says v3 calls=\\d+ nest host Plugin$");
            child.awaitStdoutAfter(structural, "^plugin\\[1\\] says v1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void applicationWithItsOwnOlderAsmReloads(Path jdk) {
        Path classes = work.resolve("classes");
        FixtureClasses.install(compiled.resolve("own-asm-v1"), classes);
        try (ChildJvm child = WatchingChild.start(jdk, "", "fixture.ownasm.Main", classes, applicationAsm())) {
            child.awaitStdout("^own asm read fixture/ownasm/Value with ASM from .*"
                    + Pattern.quote(applicationAsm().getFileName().toString()) + "$");
            child.awaitStdout("^value v1$");
            FixtureClasses.install(compiled.resolve("own-asm-v2"), classes);
            child.awaitStderr("^\\[reload\\] 1 class in \\d+ ms: fixture\\.ownasm\\.Value \\(get\\)$");
            child.awaitStdout("^value v2$");
        }
    }

    private static Path applicationAsm() {
        String jar = System.getProperty("reload.it.asm.jar");
        assertTrue(jar != null && !jar.isBlank(), "the build passes the application's ASM as reload.it.asm.jar");
        return Path.of(jar);
    }

    private static int callsOf(String line) {
        return Integer.parseInt(line.substring(line.indexOf("calls=") + "calls=".length()).strip());
    }
}
