package dev.reload.agent.it;

import dev.reload.fixtures.harness.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One class whose method body changes, in the ways a developer's compiles and mistakes deliver it. */
class BodyReloadIT {
    private static final Pattern TICKS = Pattern.compile("ticks=(\\d+)");
    private static final String PLAYER = "fixture/body/Player.class";

    @TempDir
    static Path compiled;
    static Path v1;
    static Path v2;
    static Path v3;

    @TempDir
    Path work;

    @BeforeAll
    static void compileVersions() {
        v1 = FixtureClasses.compile(compiled, "body", "v1");
        v2 = FixtureClasses.compile(compiled, "body", "v2");
        v3 = FixtureClasses.compile(compiled, "body", "v3");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void bodyChangeRunsWithStateKeptAndMainStillReturns(Path jdk) {
        Path classes = work.resolve("classes");
        FixtureClasses.install(v1, classes);
        try (ChildJvm child = WatchingChild.start(jdk, "", "fixture.body.Main", classes)) {
            int before = ticks(child.awaitStdout("v1 ticks="));
            int mark = child.stdoutMark();
            FixtureClasses.install(v2, classes);
            child.awaitStderr("^\\[reload\\] 1 class in \\d+ ms: fixture\\.body\\.Player \\(describe\\)$");
            int after = ticks(child.awaitStdoutAfter(mark, "v2 ticks="));
            assertTrue(after > before, "the player kept its ticks: " + before + " then " + after);
            child.send("quit");
            assertEquals(0, child.awaitExit(Duration.ofSeconds(30)), child::transcript);
            child.awaitStdout("main returns");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void pollingWatcherAppliesChangesWhenAskedFor(Path jdk) {
        Path classes = work.resolve("classes");
        FixtureClasses.install(v1, classes);
        try (ChildJvm child = WatchingChild.start(jdk, "poll=20", "fixture.body.Main", classes)) {
            child.awaitStdout("v1 ticks=");
            FixtureClasses.install(v2, classes);
            child.awaitStderr("^\\[reload\\] 1 class in \\d+ ms: fixture\\.body\\.Player \\(describe\\)$");
            child.awaitStdout("v2 ticks=");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void truncatedFileIsReportedThenTheGoodFileApplies(Path jdk) {
        Path classes = work.resolve("classes");
        FixtureClasses.install(v1, classes);
        try (ChildJvm child = WatchingChild.start(jdk, "", "fixture.body.Main", classes)) {
            child.awaitStdout("v1 ticks=");
            FixtureClasses.installTruncated(v2, PLAYER, classes);
            child.awaitStderr("^\\[reload\\] fixture/body/Player\\.class is not a valid class file \\(truncated\\?\\):"
                    + " waiting for the next write$");
            int mark = child.stdoutMark();
            child.awaitStdoutAfter(mark, "v1 ticks=");
            FixtureClasses.install(v2, classes);
            child.awaitStdoutAfter(mark, "v2 ticks=");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void refusedChangeLeavesTheOldCodeRunningAndIsReported(Path jdk) {
        Path classes = work.resolve("classes");
        FixtureClasses.install(v1, classes);
        try (ChildJvm child = WatchingChild.start(jdk, "", "fixture.body.Main", classes)) {
            child.awaitStdout("v1 ticks=");
            FixtureClasses.install(v3, classes);
            String refusal = child.awaitStderr("^\\[reload\\] refused, nothing was changed");
            assertTrue(refusal.contains("fixture.body.Player") && refusal.contains("field int ticks — its modifiers changed"), child::transcript);
            int mark = child.stdoutMark();
            child.awaitStdoutAfter(mark, "v1 ticks=");
            assertTrue(child.stdout().stream().noneMatch(line -> line.startsWith("v3")), child::transcript);
            FixtureClasses.install(v2, classes);
            child.awaitStdoutAfter(mark, "v2 ticks=");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void watchedDirectoryDeletedAndRecreatedIsWatchedAgain(Path jdk) {
        Path classes = work.resolve("target").resolve("classes");
        FixtureClasses.install(v1, classes);
        try (ChildJvm child = WatchingChild.start(jdk, "", "fixture.body.Main", classes)) {
            child.awaitStdout("v1 ticks=");
            FixtureClasses.delete(work.resolve("target"));
            child.awaitStderr("watched directory .* is gone");
            FixtureClasses.install(v1, classes);
            FixtureClasses.install(v2, classes);
            child.awaitStderr("^\\[reload\\] 1 class in \\d+ ms: fixture\\.body\\.Player \\(describe\\)$");
            child.awaitStdout("v2 ticks=");
        }
    }

    private static int ticks(String line) {
        Matcher matcher = TICKS.matcher(line);
        assertTrue(matcher.find(), line);
        return Integer.parseInt(matcher.group(1));
    }
}
