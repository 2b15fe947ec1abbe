package dev.reload.agent.it;

import dev.reload.fixtures.harness.ChildJvm;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Assets: a file that is not a class file, written in a watched class directory or an {@code assets=} directory,
 * reaches the {@code OnReload} hooks that take a {@code List<Path>}, with its absolute path, one call per burst, at
 * the synchronization point on the game's thread when there is one; editors' temporary files never do; a hook that
 * throws or hangs does not stop the next edit; a hook a reload adds gets assets too; a class and an asset saved together reach the hook's new code; a JFR recording
 * holds an event per burst.
 */
class AssetReloadIT {
    private static final String HOOK = "fixture.assets.Palette.reloadAssets";

    @TempDir
    static Path compiled;

    @TempDir
    Path work;

    @BeforeAll
    static void compileVersions() {
        FixtureClasses.compile(compiled, "assets", "v1");
        FixtureClasses.compile(compiled, "assets", "v2");
        FixtureClasses.compile(compiled, "assets", "v3");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void aBurstOfAssetsReachesTheHookInOneCallOnTheGameThread(Path jdk) {
        Path classes = work.resolve("classes");
        Path assets = classes.resolve("fixture/assets");
        FixtureClasses.install(compiled.resolve("assets-v1"), classes);
        try (ChildJvm child = start(jdk, "sync=fixture.assets.Palette.frame", classes, classes)) {
            write(assets.resolve("palette.txt"), "red");
            child.awaitStdout("^v1 read 1 on game-loop: " + quoted(List.of(assets.resolve("palette.txt"))) + "$");
            child.awaitStderr("^\\[reload\\] 1 asset in \\d+ ms: palette\\.txt → " + Pattern.quote(HOOK) + "$");

            int mark = child.stdoutMark();
            // An editor's leftovers first: a swap file, a backup, vim's write test, a hidden file.
            write(assets.resolve(".palette.txt.swp"), "swap");
            write(assets.resolve("palette.txt~"), "red");
            write(assets.resolve("4913"), "");
            write(assets.resolve(".hidden"), "hidden");
            List<Path> burst = List.of(assets.resolve("palette.txt"), assets.resolve("level1.txt"),
                    assets.resolve("level2.txt"));
            burst.forEach(asset -> write(asset, "blue " + asset.getFileName()));
            child.awaitStdoutAfter(mark, "^v1 read 3 on game-loop: " + quoted(burst) + "$");
            child.awaitStderr("^\\[reload\\] 3 assets in \\d+ ms: palette\\.txt, level1\\.txt, level2\\.txt → ");
            assertEquals(List.of(), child.stdout().stream().filter(line -> line.contains("class hook ran")).toList(),
                    "a hook without parameters runs after class reloads only\n" + child.transcript());
            assertEquals(1, child.stdout().subList(mark, child.stdoutMark()).stream()
                    .filter(line -> line.startsWith("v1 read")).count(), child::transcript);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void withoutSyncAnAssetsDirectoryOutsideTheClassPathReachesTheHookThread(Path jdk) {
        Path classes = work.resolve("classes");
        Path assets = work.resolve("levels");
        FixtureClasses.install(compiled.resolve("assets-v1"), classes);
        createDirectories(assets);
        try (ChildJvm child = start(jdk, "assets=" + assets, assets, classes)) {
            Path level = assets.resolve("level1.txt");
            write(level, "#####");
            child.awaitStdout("^v1 read 1 on reload-hooks: " + quoted(List.of(level)) + "$");
            child.awaitStderr("^\\[reload\\] 1 asset in \\d+ ms: level1\\.txt → " + Pattern.quote(HOOK) + "$");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void aHookThatThrowsIsReportedAndTheNextEditStillReachesIt(Path jdk) {
        Path classes = work.resolve("classes");
        Path palette = classes.resolve("fixture/assets/palette.txt");
        FixtureClasses.install(compiled.resolve("assets-v1"), classes);
        try (ChildJvm child = start(jdk, "sync=fixture.assets.Palette.frame", classes, classes)) {
            write(palette, "broken");
            child.awaitStderr("^\\[reload\\] hook " + Pattern.quote(HOOK + "(List<Path>)") + " threw"
                    + " java\\.lang\\.IllegalStateException: cannot parse palette\\.txt at ");
            write(palette, "green");
            child.awaitStdout("^v1 read 1 on game-loop: " + quoted(List.of(palette)) + "$");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void aHookThatHangsIsReportedAndTheNextBurstStillReachesIt(Path jdk) {
        Path classes = work.resolve("classes");
        Path assets = work.resolve("levels");
        FixtureClasses.install(compiled.resolve("assets-v1"), classes);
        createDirectories(assets);
        try (ChildJvm child = start(jdk, "assets=" + assets, assets, classes)) {
            Path level = assets.resolve("level1.txt");
            write(level, "hang");
            child.awaitStdout("^hanging on reload-hooks$");
            child.awaitStderr("^\\[reload\\] hook " + Pattern.quote(HOOK + "(List<Path>)") + " is still running after"
                    + " 2000 ms; later hooks and reloads go on without waiting for it");
            write(level, "#####");
            child.awaitStdout("^v1 read 1 on reload-hooks: " + quoted(List.of(level)) + "$");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void aClassAndAnAssetSavedTogetherReachTheHooksNewCode(Path jdk) {
        Path classes = work.resolve("classes");
        Path palette = classes.resolve("fixture/assets/palette.txt");
        FixtureClasses.install(compiled.resolve("assets-v1"), classes);
        try (ChildJvm child = start(jdk, "sync=fixture.assets.Palette.frame", classes, classes)) {
            FixtureClasses.install(compiled.resolve("assets-v2"), classes);
            write(palette, "yellow");
            child.awaitStderr("^\\[reload\\] 1 class in \\d+ ms: fixture\\.assets\\.Palette \\(reloadAssets\\)$");
            child.awaitStdout("^v2 read 1 on game-loop: " + quoted(List.of(palette)) + "$");
            assertEquals(List.of(), child.stdout().stream().filter(line -> line.startsWith("v1 read")).toList(),
                    child::transcript);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void anAssetHookAReloadAddsGetsTheNextBurstToo(Path jdk) {
        Path classes = work.resolve("classes");
        Path palette = classes.resolve("fixture/assets/palette.txt");
        FixtureClasses.install(compiled.resolve("assets-v1"), classes);
        try (ChildJvm child = start(jdk, "sync=fixture.assets.Palette.frame", classes, classes)) {
            FixtureClasses.install(compiled.resolve("assets-v3"), classes);
            child.awaitStderr("^\\[reload\\] 1 class in \\d+ ms: fixture\\.assets\\.Palette \\(method added: ");
            write(palette, "red");
            child.awaitStdout("^hook added by a reload read 1 on game-loop$");
            child.awaitStdout("^v1 read 1 on game-loop: " + quoted(List.of(palette)) + "$");
            child.awaitStderr("^\\[reload\\] 1 asset in \\d+ ms: palette\\.txt → " + Pattern.quote(HOOK) + ", "
                    + Pattern.quote("fixture.assets.Palette.levelsReloaded") + "$");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void aRecordingHoldsAnEventPerBurstOfAssets(Path jdk) throws IOException {
        Path classes = work.resolve("classes");
        Path recording = work.resolve("assets.jfr");
        FixtureClasses.install(compiled.resolve("assets-v1"), classes);
        try (ChildJvm child = ChildJvm.on(jdk).reloadAgent("log=debug")
                .jvmOption("-XX:StartFlightRecording=filename=" + recording + ",settings=default,dumponexit=true")
                .classPath(classes).main("fixture.assets.Main").start()) {
            child.awaitStderr(WatchingChild.WATCHING + Pattern.quote(classes.toString()) + "$");
            child.awaitStdout("^ready$");
            write(classes.resolve("fixture/assets/palette.txt"), "red");
            write(classes.resolve("fixture/assets/level1.txt"), "#####");
            child.awaitStderr("^\\[reload\\] 2 assets in \\d+ ms: palette\\.txt, level1\\.txt → ");
            child.send("quit");
            assertEquals(0, child.awaitExit(Duration.ofSeconds(60)), child::transcript);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording).stream()
                .filter(event -> event.getEventType().getName().startsWith("dev.reload.")).toList();
        assertEquals(List.of("dev.reload.Assets"), events.stream().map(event -> event.getEventType().getName())
                .toList(), events::toString);
        RecordedEvent assets = events.get(0);
        assertEquals(2, assets.getInt("assetCount"), assets::toString);
        assertEquals(1, assets.getInt("hookCount"), assets::toString);
        assertTrue(assets.getDuration("reloadTime").toNanos() > 0, assets::toString);
        assertEquals("2 assets in " + assets.getDuration("reloadTime").toMillis() + " ms: palette.txt, level1.txt → "
                + HOOK, assets.getString("summary"));
        assertEquals(List.of("Reload"), assets.getEventType().getCategoryNames());
    }

    /** Starts the fixture once the agent watches {@code watched} and the hook's class is loaded. */
    private static ChildJvm start(Path jdk, String options, Path watched, Path classes) {
        ChildJvm child = WatchingChild.start(jdk, options, WatchingChild.WATCHING + Pattern.quote(watched.toString())
                + "$", "fixture.assets.Main", new String[0], classes);
        try {
            child.awaitStdout("^ready$");
            return child;
        } catch (RuntimeException | Error e) {
            child.close();
            throw e;
        }
    }

    private static String quoted(List<Path> paths) {
        return Pattern.quote(paths.toString());
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
