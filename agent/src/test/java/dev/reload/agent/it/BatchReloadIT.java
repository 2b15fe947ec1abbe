package dev.reload.agent.it;

import dev.reload.fixtures.harness.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batches of several files: interdependent classes changed together, and files for classes that are new. */
class BatchReloadIT {
    @TempDir
    static Path compiled;

    @TempDir
    Path work;

    @BeforeAll
    static void compileVersions() {
        FixtureClasses.compile(compiled, "many", "v1");
        FixtureClasses.compile(compiled, "many", "v2");
        FixtureClasses.compile(compiled, "grow", "v1");
        FixtureClasses.compile(compiled, "grow", "v2");
        FixtureClasses.compile(compiled, "grow", "v3");
        FixtureClasses.compile(compiled, "split-build", "v1");
        FixtureClasses.compile(compiled, "split-build", "v2");
        FixtureClasses.compile(compiled, "split-build", "v3");
        FixtureClasses.compile(compiled, "split-build", "refused");
        FixtureClasses.compile(compiled, "split-build", "independent");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void interdependentClassesChangeTogetherOrNotAtAll(Path jdk) {
        Path classes = work.resolve("classes");
        FixtureClasses.install(compiled.resolve("many-v1"), classes);
        // A long quiet period, so that however slowly this test writes the ten files they form one batch: they call
        // no method that is not there already, so they wait its settle period, a fifth of it, for each next file.
        try (ChildJvm child = WatchingChild.start(jdk, "quiet=2000", "fixture.many.Main", classes)) {
            child.awaitStdout("^sum=10$");
            FixtureClasses.install(compiled.resolve("many-v2"), classes);
            child.awaitStderr("^\\[reload\\] 10 classes in \\d+ ms: fixture\\.many\\.C\\d \\(value\\)");
            child.awaitStdout("^sum=20$");
            List<String> sums = child.stdout().stream().filter(line -> line.startsWith("sum=")).distinct().toList();
            assertEquals(List.of("sum=10", "sum=20"), sums, "a half-applied chain would print a sum between");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void newClassFilesAndNewPackageDirectoriesAreUsed(Path jdk) {
        Path classes = work.resolve("classes");
        FixtureClasses.install(compiled.resolve("grow-v1"), classes);
        try (ChildJvm child = WatchingChild.start(jdk, "", "fixture.grow.Main", classes)) {
            child.awaitStdout("^step: plain$");
            FixtureClasses.install(compiled.resolve("grow-v2"), classes);
            child.awaitStderr("^\\[reload\\] 1 class in \\d+ ms: fixture\\.grow\\.Game \\(step\\)$");
            child.awaitStdout("^step: bonus=42$");
            FixtureClasses.install(compiled.resolve("grow-v3"), classes);
            child.awaitStdout("^step: bonus=42 helper=from a new package$");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void aFileCallingWhatALaterFileOfItsBuildAddsWaitsForIt(Path jdk) throws Exception {
        Path classes = work.resolve("classes");
        FixtureClasses.install(compiled.resolve("split-build-v1"), classes);
        // Whole files that call only what runs wait a fifth of the quiet period, 400 ms; the second file of each
        // build below comes a second after the first, so a first file applied alone would throw into the loop.
        try (ChildJvm child = WatchingChild.start(jdk, "quiet=2000", "fixture.splitbuild.Main", classes)) {
            child.awaitStdout("^step: plain helper$");
            writeOneSecondApart(compiled.resolve("split-build-v2"), classes, "fixture/splitbuild/Game.class",
                    "fixture/splitbuild/Helper.class");
            child.awaitStderr("^\\[reload\\] 2 classes in \\d+ ms: .*");
            child.awaitStdout("^step: bonus=42$");
            writeOneSecondApart(compiled.resolve("split-build-v3"), classes, "fixture/splitbuild/Game.class",
                    "fixture/splitbuild/extra/Extra.class");
            child.awaitStdout("^step: bonus=42 extra=7$");
            List<String> errors = child.stderr().stream().filter(line -> line.contains("Error")).toList();
            assertEquals(List.of(), errors, "a call of a method or class the build had not written yet");
        }
    }

    /**
     * A file calling a method that neither the running program nor a file written with it has: the call would throw
     * {@code NoSuchMethodError} into the game, as when the save that added the method was refused and the caller came
     * alone later. Once the wait for the file that adds it is over, it is refused, and the loop runs on.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void aFileCallingWhatNoFileAddsIsRefusedOnceTheWaitForItIsOver(Path jdk) throws Exception {
        Path classes = work.resolve("classes");
        FixtureClasses.install(compiled.resolve("split-build-v1"), classes);
        try (ChildJvm child = WatchingChild.start(jdk, "", "fixture.splitbuild.Main", classes)) {
            child.awaitStdout("^step: plain helper$");
            int mark = child.stderrMark();
            copy(compiled.resolve("split-build-v2"), classes, "fixture/splitbuild/Game.class");
            String refused = child.awaitStderrAfter(mark, "^\\[reload\\] refused, .*");
            assertTrue(refused.contains("fixture.splitbuild.Game: it uses method int fixture.splitbuild.Helper.bonus(),"
                    + " which neither the running program nor the files saved with it declare"), refused);
            mark = child.stdoutMark();
            child.awaitStdoutAfter(mark, "^step: plain helper$");

            copy(compiled.resolve("split-build-v2"), classes, "fixture/splitbuild/Helper.class");
            copy(compiled.resolve("split-build-v2"), classes, "fixture/splitbuild/Game.class");
            child.awaitStdout("^step: bonus=42$");
            List<String> errors = child.stderr().stream().filter(line -> line.contains("Error")).toList();
            assertEquals(List.of(), errors, "a call of a method no class has");
        }
    }

    /**
     * A save refused for one class holds back the others; written again with the mended class, the same bytes as
     * before, they apply with it, where their writes were dropped as already seen and the game ran the old code.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void filesHeldBackByARefusalApplyWhenWrittenAgainWithTheMendedClass(Path jdk) throws Exception {
        Path classes = work.resolve("classes");
        FixtureClasses.install(compiled.resolve("split-build-v1"), classes);
        try (ChildJvm child = WatchingChild.start(jdk, "", "fixture.splitbuild.Main", classes)) {
            saveARefusedHelperWithItsCaller(child, classes);
            int mark = child.stdoutMark();
            child.awaitStdoutAfter(mark, "^step: plain helper$");

            copy(compiled.resolve("split-build-v2"), classes, "fixture/splitbuild/Helper.class");
            copy(compiled.resolve("split-build-v2"), classes, "fixture/splitbuild/Game.class");
            child.awaitStdout("^step: bonus=42$");
        }
    }

    /**
     * A save refused for one class holds back the others; once the mended class alone is written, as an IDE that
     * compiles only the file that changed does, and applies, the held-back files are read again and apply too.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void filesHeldBackByARefusalApplyOnceTheMendedClassAloneApplies(Path jdk) throws Exception {
        Path classes = work.resolve("classes");
        FixtureClasses.install(compiled.resolve("split-build-v1"), classes);
        try (ChildJvm child = WatchingChild.start(jdk, "", "fixture.splitbuild.Main", classes)) {
            saveARefusedHelperWithItsCaller(child, classes);

            int mark = child.stderrMark();
            copy(compiled.resolve("split-build-v2"), classes, "fixture/splitbuild/Helper.class");
            String game = child.awaitStderrAfter(mark,
                    "^\\[reload\\] 1 class in \\d+ ms: fixture\\.splitbuild\\.Game .*");
            assertTrue(game.endsWith("(step)"), game);
            child.awaitStdout("^step: bonus=42$");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void filesHeldBackByARefusalApplyOnceTheRefusedClassIsWrittenBackAsItRuns(Path jdk) throws Exception {
        Path classes = work.resolve("classes");
        FixtureClasses.install(compiled.resolve("split-build-v1"), classes);
        try (ChildJvm child = WatchingChild.start(jdk, "", "fixture.splitbuild.Main", classes)) {
            child.awaitStdout("^step: plain helper$");
            int mark = child.stderrMark();
            copy(compiled.resolve("split-build-refused"), classes, "fixture/splitbuild/Helper.class");
            copy(compiled.resolve("split-build-independent"), classes, "fixture/splitbuild/Game.class");
            String held = child.awaitStderrAfter(mark, "^\\[reload\\] held back .*");
            assertTrue(held.contains("fixture.splitbuild.Game"), held);

            // The refused edit undone: the helper's file is what runs again, and the game's edit applies alone.
            mark = child.stderrMark();
            copy(compiled.resolve("split-build-v1"), classes, "fixture/splitbuild/Helper.class");
            String game = child.awaitStderrAfter(mark,
                    "^\\[reload\\] 1 class in \\d+ ms: fixture\\.splitbuild\\.Game .*");
            assertTrue(game.endsWith("(step)"), game);
            child.awaitStdout("^step: steady helper$");
        }
    }

    /**
     * Writes a helper whose interfaces changed, which is refused, with the game's version calling its new method,
     * which is held back with it.
     */
    private static void saveARefusedHelperWithItsCaller(ChildJvm child, Path classes) throws IOException {
        child.awaitStdout("^step: plain helper$");
        int mark = child.stderrMark();
        copy(compiled.resolve("split-build-refused"), classes, "fixture/splitbuild/Helper.class");
        copy(compiled.resolve("split-build-v2"), classes, "fixture/splitbuild/Game.class");
        String refused = child.awaitStderrAfter(mark, "^\\[reload\\] refused, .*");
        assertTrue(refused.contains("fixture.splitbuild.Helper: interfaces changed: added java.lang.Runnable"),
                refused);
        String held = child.awaitStderrAfter(mark, "^\\[reload\\] held back .*");
        assertTrue(held.contains("fixture.splitbuild.Game; they apply when written again"), held);
    }

    /** Writes one class file of a compiled version, then another a second later, as a slow build may. */
    private static void writeOneSecondApart(Path compiled, Path classes, String first, String second)
            throws Exception {
        copy(compiled, classes, first);
        Thread.sleep(1000);
        copy(compiled, classes, second);
    }

    private static void copy(Path compiled, Path classes, String relativePath) throws IOException {
        Path target = classes.resolve(relativePath);
        Files.createDirectories(target.getParent());
        Files.copy(compiled.resolve(relativePath), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
