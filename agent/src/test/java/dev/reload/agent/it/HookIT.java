package dev.reload.agent.it;

import dev.reload.fixtures.harness.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;

/**
 * OnReload hooks: found by the annotation's simple name, run after the batch (also one the edit adds), a throwing
 * one reported (one the edit added without the JDK's frame that calls it), a blocking one reported without holding up
 * later reloads.
 */
class HookIT {
    @TempDir
    static Path compiled;

    @TempDir
    Path work;

    @BeforeAll
    static void compileVersions() {
        FixtureClasses.compile(compiled, "hooks", "v1");
        FixtureClasses.compile(compiled, "hooks", "v2");
        FixtureClasses.compile(compiled, "hooks", "v3");
        FixtureClasses.compile(compiled, "hooks", "v4");
        FixtureClasses.compile(compiled, "hooks", "v5");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void hookRunsAfterTheReloadAndAThrowingHookIsReported(Path jdk) {
        Path classes = work.resolve("classes");
        FixtureClasses.install(compiled.resolve("hooks-v1"), classes);
        try (ChildJvm child = WatchingChild.start(jdk, "", "fixture.hooks.Main", classes)) {
            child.awaitStdout("^level 1$");
            FixtureClasses.install(compiled.resolve("hooks-v2"), classes);
            child.awaitStdout("^hook rebuild ran, level 2$");
            child.awaitStdout("^last report: 1 class in \\d+ ms: fixture\\.hooks\\.Level \\(number, rebuild\\)$");
            child.awaitStderr("^\\[reload\\] hook fixture\\.hooks\\.Level\\.broken\\(\\) threw"
                    + " java\\.lang\\.IllegalStateException: this hook fails on purpose at fixture\\.hooks\\.Level\\.broken");
            int mark = child.stdoutMark();
            child.awaitStdoutAfter(mark, "^level 2$");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void aThrowingHookTheEditAddedSaysItsFramesAreHiddenRatherThanNamingTheJdksFrame(Path jdk) {
        Path classes = work.resolve("classes");
        FixtureClasses.install(compiled.resolve("hooks-v1"), classes);
        try (ChildJvm child = WatchingChild.start(jdk, "", "fixture.hooks.Main", classes)) {
            child.awaitStdout("^level 1$");
            FixtureClasses.install(compiled.resolve("hooks-v5"), classes);
            child.awaitStdout("^hook rebuild ran, level 5$");
            child.awaitStderr("^\\[reload\\] hook fixture\\.hooks\\.Level\\.brokenSinceThisEdit\\(\\) threw"
                    + " java\\.lang\\.IllegalStateException: this added hook fails on purpose in code a reload added,"
                    + " which the JVM leaves out of stack traces \\(run with -XX:\\+UnlockDiagnosticVMOptions"
                    + " -XX:\\+ShowHiddenFrames to see it\\)$");
            int mark = child.stdoutMark();
            child.awaitStdoutAfter(mark, "^level 5$");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void aHookThatNeverReturnsIsReportedAndLaterReloadsAndHooksStillRun(Path jdk) {
        Path classes = work.resolve("classes");
        FixtureClasses.install(compiled.resolve("hooks-v1"), classes);
        try (ChildJvm child = WatchingChild.start(jdk, "", "fixture.hooks.Main", classes)) {
            child.awaitStdout("^level 1$");
            // v3 adds a hook that blocks forever, and keeps one that returns.
            FixtureClasses.install(compiled.resolve("hooks-v3"), classes);
            child.awaitStdout("^hook stall started$");
            child.awaitStderr("^\\[reload\\] hook fixture\\.hooks\\.Level\\.stall\\(\\) is still running after"
                    + " 2000 ms; later hooks and reloads go on without waiting for it");
            child.awaitStdout("^hook rebuild ran, level 3$");
            child.awaitStdout("^level 3$");

            FixtureClasses.install(compiled.resolve("hooks-v4"), classes);
            child.awaitStdout("^hook rebuild ran, level 4$");
            int mark = child.stdoutMark();
            child.awaitStdoutAfter(mark, "^level 4$");
        }
    }
}
