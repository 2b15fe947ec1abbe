package dev.reload.agent.it;

import dev.reload.fixtures.harness.ChildJvm;
import dev.reload.fixtures.harness.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compile mode ({@code src=}): the agent compiles saved sources itself, in memory, and reloads what they change. */
class CompileModeIT {
    private static final String PLAYER_SOURCE = "fixture/body/Player.java";
    private static final String PLAYER_CLASS = "fixture/body/Player.class";
    private static final String APPLIED = "^\\[reload\\] 1 class in \\d+ ms: fixture\\.body\\.Player \\(describe\\)$";

    @TempDir
    static Path compiled;

    @TempDir
    Path work;

    @BeforeAll
    static void compileVersions() {
        FixtureClasses.compile(compiled, "body", "v1");
        FixtureClasses.compile(compiled, "body", "v2");
        FixtureClasses.compile(compiled, "lazy", "v1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void savedSourceIsCompiledAndRunsWhileTheBuildOutputStaysAsItWas(Path jdk) throws IOException {
        Path classes = work.resolve("classes");
        Path src = work.resolve("src");
        installVersionOne(classes, src);
        byte[] buildOutput = Files.readAllBytes(classes.resolve(PLAYER_CLASS));
        try (ChildJvm child = startCompiling(jdk, classes, src)) {
            child.awaitStdout("v1 ticks=");
            saveSource(src, "v2");
            child.awaitStderr(APPLIED);
            child.awaitStdout("v2 ticks=");
            assertArrayEquals(buildOutput, Files.readAllBytes(classes.resolve(PLAYER_CLASS)),
                    "compile mode must not write into the build output");
            assertTrue(Files.list(src.resolve("fixture/body")).allMatch(f -> f.toString().endsWith(".java")),
                    "compile mode must not write next to the sources");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void compileErrorIsReportedWhileTheProgramRunsOnThenTheFixApplies(Path jdk) throws IOException {
        Path classes = work.resolve("classes");
        Path src = work.resolve("src");
        installVersionOne(classes, src);
        try (ChildJvm child = startCompiling(jdk, classes, src)) {
            child.awaitStdout("v1 ticks=");
            String good = Files.readString(Fixtures.sources("body", "v2").resolve(PLAYER_SOURCE));
            String broken = good.replace("+ ticks;", "+ ticks + alsoMissing;").replace("ticks++;", "ticks += missing;");
            Files.writeString(src.resolve(PLAYER_SOURCE), broken);
            child.awaitStderr("^\\[reload\\] failed, nothing was changed \\(2 reasons\\):$");
            child.awaitStderr("^\\[reload\\]   (.*/)?fixture/body/Player\\.java:" + lineOf(broken, "ticks += missing")
                    + ": .*missing");
            child.awaitStderr("^\\[reload\\]   (.*/)?fixture/body/Player\\.java:" + lineOf(broken, "alsoMissing")
                    + ": .*alsoMissing");
            int mark = child.stdoutMark();
            child.awaitStdoutAfter(mark, "v1 ticks=");
            Files.writeString(src.resolve(PLAYER_SOURCE), good);
            child.awaitStderr(APPLIED);
            child.awaitStdoutAfter(mark, "v2 ticks=");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void aClassNotLoadedYetLoadsAsCompiledAndReloadsLaterLikeAnyOther(Path jdk) throws IOException {
        Path classes = work.resolve("classes");
        Path src = work.resolve("src");
        FixtureClasses.install(compiled.resolve("lazy-v1"), classes);
        FixtureClasses.install(Fixtures.sources("lazy", "v1"), src);
        String later = "fixture/lazy/Later.java";
        try (ChildJvm child = startCompiling(jdk, classes, src, "fixture.lazy.Main")) {
            child.awaitStdout("^ready$");
            Files.writeString(src.resolve(later), Files.readString(Fixtures.sources("lazy", "v2").resolve(later)));
            child.awaitStderr("^\\[reload\\] fixture\\.lazy\\.Later is not loaded yet; it will load as just compiled$");
            child.send("later");
            child.awaitStdout("^later v2$");
            Files.writeString(src.resolve(later), Files.readString(Fixtures.sources("lazy", "v1").resolve(later)));
            child.awaitStderr("^\\[reload\\] 1 class in \\d+ ms: fixture\\.lazy\\.Later \\(describe\\)$");
            int mark = child.stdoutMark();
            child.send("later");
            child.awaitStdoutAfter(mark, "^later v1$");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void withoutTheCompilerOneLineSaysWhatIsMissingAndClassFilesStillReload(Path jdk) {
        Path classes = work.resolve("classes");
        Path src = work.resolve("src");
        installVersionOne(classes, src);
        // The runtime a jlinked game ships: no compiler, no JMX, no JFR.
        ChildJvm child = ChildJvm.on(jdk).reloadAgent("log=debug,src=" + src)
                .jvmOption("--limit-modules").jvmOption("java.base,java.instrument")
                .classPath(classes).main("fixture.body.Main").start();
        try (child) {
            child.awaitStderr("^\\[reload\\] src= needs the Java compiler, and this program did not load it \\(module"
                    + " jdk\\.compiler\\): add --add-modules jdk\\.compiler");
            child.awaitStderr(WatchingChild.WATCHING);
            child.awaitStdout("v1 ticks=");
            FixtureClasses.install(compiled.resolve("body-v2"), classes);
            child.awaitStderr(APPLIED);
            child.awaitStdout("v2 ticks=");
        }
    }

    private static ChildJvm startCompiling(Path jdk, Path classes, Path src) {
        return startCompiling(jdk, classes, src, "fixture.body.Main");
    }

    private static ChildJvm startCompiling(Path jdk, Path classes, Path src, String mainClass) {
        // The sources are registered after the class directories: once they are watched, everything is.
        return WatchingChild.start(jdk, "src=" + src, "^\\[reload\\] watching " + Pattern.quote(src.toString()) + "$",
                mainClass, new String[0], classes);
    }

    /** The program as built: version 1's class files and the sources they were compiled from. */
    private static void installVersionOne(Path classes, Path src) {
        FixtureClasses.install(compiled.resolve("body-v1"), classes);
        FixtureClasses.install(Fixtures.sources("body", "v1"), src);
    }

    private static void saveSource(Path src, String version) throws IOException {
        Files.writeString(src.resolve(PLAYER_SOURCE),
                Files.readString(Fixtures.sources("body", version).resolve(PLAYER_SOURCE)));
    }

    private static int lineOf(String text, String fragment) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + fragment);
    }
}
