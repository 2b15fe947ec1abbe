package dev.reload.agent.reload.numbered;

import dev.reload.agent.index.CapturedClass;
import dev.reload.agent.index.LoadedClass;
import dev.reload.fixtures.harness.FixtureCompiler;
import dev.reload.fixtures.harness.Fixtures;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumberedNestTest {
    private static final String HUD = "fixture/anonymous/Hud";
    private static final String SWAPPED = "fixture/anonymousswapped/Hud";
    private static final String KINDS = "fixture/anonymouskinds/Hud";
    private static final String INSERTED = "fixture/inserted/Hud";

    @TempDir
    Path work;
    private final Map<LoadedClass, ClassShape> baselines = new HashMap<>();
    /** The running counter of {@code anonymous-kinds} v1, once a test made it. */
    private LoadedClass counter;

    @Test
    void aClassInsertedBeforeAnotherGetsTheHighestSpareAndTheRunningOneItsNewFile() throws Exception {
        Path v1 = compile("anonymous-inserted", "v1");
        Path v2 = compile("anonymous-inserted", "v2");
        LoadedClass counter = running(v1, HUD + "$1");
        Map<String, ClassShape> files = files(v2, HUD + "$1", HUD + "$2");

        NumberedNest nest = NumberedNest.decide(HUD, Map.of(HUD + "$1", counter), files, spares(HUD, 9),
                v2.resolve("fixture/anonymous"), this::baseline).orElseThrow();

        assertEquals(Map.of(HUD + "$2", HUD + "$1", HUD + "$1", HUD + "$9"), nest.renaming());
        assertSame(counter, nest.continuing(HUD + "$2"));
        assertNull(nest.continuing(HUD + "$1"));
        assertEquals(HUD + "$9", nest.newName(HUD + "$1"));
        assertEquals("loaded as fixture.anonymous.Hud$9, since the running fixture.anonymous.Hud$1 continues as the"
                + " file fixture.anonymous.Hud$2", nest.whyRenamed(HUD + "$1"));
        assertTrue(nest.orphans().isEmpty());
    }

    @Test
    void classesThatKeepTheirNumbersNeedNothing() throws Exception {
        Path v1 = compile("anonymous-inserted", "v1");
        assertTrue(NumberedNest.decide(HUD, Map.of(HUD + "$1", running(v1, HUD + "$1")), files(v1, HUD + "$1"),
                spares(HUD, 9), v1.resolve("fixture/anonymous"), this::baseline).isEmpty());
    }

    @Test
    void swappedClassesTradeNamesAndNothingIsNew() throws Exception {
        Path v1 = compile("anonymous-swapped", "v1");
        Path v2 = compile("anonymous-swapped", "v2");
        Map<String, LoadedClass> running = new LinkedHashMap<>();
        running.put(SWAPPED + "$1", running(v1, SWAPPED + "$1"));
        running.put(SWAPPED + "$2", running(v1, SWAPPED + "$2"));

        NumberedNest nest = NumberedNest.decide(SWAPPED, running, files(v2, SWAPPED + "$1", SWAPPED + "$2"),
                spares(SWAPPED, 9), v2.resolve("fixture/anonymousswapped"), this::baseline).orElseThrow();

        assertEquals(Map.of(SWAPPED + "$1", SWAPPED + "$2", SWAPPED + "$2", SWAPPED + "$1"), nest.renaming());
        assertNull(nest.refusal());
    }

    @Test
    void noSpareLeftIsARefusalNamingTheClass() throws Exception {
        Path v1 = compile("anonymous-inserted", "v1");
        Path v2 = compile("anonymous-inserted", "v2");
        NumberedNest nest = NumberedNest.decide(HUD, Map.of(HUD + "$1", running(v1, HUD + "$1")),
                files(v2, HUD + "$1", HUD + "$2"), spares(HUD, 2), v2.resolve("fixture/anonymous"),
                this::baseline).orElseThrow();
        assertEquals("fixture.anonymous.Hud$1: anonymous classes renumbered, and the running fixture.anonymous.Hud"
                + " has no spare nest member name left to load this new class under; restart to apply", nest.refusal().line());
    }

    @Test
    void aChangedClassWhoseNumberAnotherKindTookContinuesAsTheFileOfItsKind() throws Exception {
        NumberedNest nest = decideKinds("v2").orElseThrow();

        assertSame(counter, nest.continuing(KINDS + "$2"));
        assertNull(nest.continuing(KINDS + "$1"));
        assertEquals(Map.of(KINDS + "$2", KINDS + "$1", KINDS + "$1", KINDS + "$9"), nest.renaming());
        assertEquals("loaded as fixture.anonymouskinds.Hud$9, since the running fixture.anonymouskinds.Hud$1"
                + " continues as the file fixture.anonymouskinds.Hud$2", nest.whyRenamed(KINDS + "$1"));
        assertTrue(nest.orphans().isEmpty());
    }

    /** Two Runnables, neither the counter's code unchanged: its number decides, as before kinds were compared. */
    @Test
    void aChangedClassWithAnInsertionOfItsOwnKindBeforeItKeepsItsNumber() throws Exception {
        assertTrue(decideKinds("v3").isEmpty(), "every file keeps the name of the class it continues");
    }

    @Test
    void aKindChangedInPlaceOrphansTheRunningClassAndLoadsTheFileAsANewOne() throws Exception {
        NumberedNest nest = decideKinds("v4").orElseThrow();

        assertNull(nest.continuing(KINDS + "$1"));
        assertEquals(List.of(counter), nest.orphans());
        assertEquals(KINDS + "$9", nest.newName(KINDS + "$1"));
        assertEquals("loaded as fixture.anonymouskinds.Hud$9, since the running fixture.anonymouskinds.Hud$1 keeps"
                + " its code, which is no longer in the source", nest.whyRenamed(KINDS + "$1"));
    }

    /**
     * v7 had the counter (running as Hud$1) in the file Hud$3; v8 undoes an insertion before it, javac writes the
     * counter to Hud$2 and leaves Hud$3 behind, which the new outer file no longer lists.
     */
    @Test
    void aChangedClassWhoseFileWasLeftBehindIsContinuedByTheFileOfItsKind() throws Exception {
        Path v7 = compile("structural-anonymous-inserted", "v7");
        Path v8 = compile("structural-anonymous-inserted", "v8");
        LoadedClass counter = running(v7, INSERTED + "$3", INSERTED + "$1");
        LoadedClass ticker = running(v7, INSERTED + "$2", INSERTED + "$2");
        Map<String, LoadedClass> running = new LinkedHashMap<>();
        running.put(INSERTED + "$1", counter);
        running.put(INSERTED + "$2", ticker);
        Set<String> listed = Set.copyOf(files(v8, INSERTED).get(INSERTED).nestMembers());

        NumberedNest nest = NumberedNest.decide(INSERTED, running, files(v8, INSERTED + "$2"), spares(INSERTED, 9),
                v7.resolve("fixture/inserted"), this::baseline, Function.identity(), listed).orElseThrow();

        assertSame(counter, nest.continuing(INSERTED + "$2"));
        assertEquals(List.of(ticker), nest.orphans());
    }

    /** {@return the decision for the running counter of {@code anonymous-kinds} v1 and the version's files} */
    private Optional<NumberedNest> decideKinds(String version) throws Exception {
        counter = running(compile("anonymous-kinds", "v1"), KINDS + "$1");
        Path files = compile("anonymous-kinds", version);
        List<String> names = Files.exists(files.resolve(KINDS + "$2.class")) ? List.of(KINDS + "$1", KINDS + "$2")
                : List.of(KINDS + "$1");
        return NumberedNest.decide(KINDS, Map.of(KINDS + "$1", counter), files(files, names.toArray(String[]::new)),
                spares(KINDS, 9), files.resolve("fixture/anonymouskinds"), this::baseline);
    }

    private Optional<ClassShape> baseline(LoadedClass loaded) {
        return Optional.ofNullable(baselines.get(loaded));
    }

    private Path compile(String fixtureCase, String version) {
        Path out = work.resolve(fixtureCase + "-" + version);
        FixtureCompiler.compile(Fixtures.sources(fixtureCase, version), out);
        return out;
    }

    /** A running class loaded from the version's file of that name; the class object itself plays no part. */
    private LoadedClass running(Path version, String internalName) throws IOException, UnreadableClassException {
        return running(version, internalName, internalName);
    }

    /** A running class named {@code runningAs} that takes its versions from the version's file {@code fileName}. */
    private LoadedClass running(Path version, String fileName, String runningAs)
            throws IOException, UnreadableClassException {
        Path file = version.resolve(fileName + ".class");
        byte[] bytes = Files.readAllBytes(file);
        LoadedClass loaded = new LoadedClass(Runnable.class, new CapturedClass(runningAs, file, bytes, false));
        baselines.put(loaded, ClassShape.read(bytes));
        return loaded;
    }

    private static Map<String, ClassShape> files(Path version, String... internalNames)
            throws IOException, UnreadableClassException {
        Map<String, ClassShape> files = new LinkedHashMap<>();
        for (String name : internalNames) {
            files.put(name, ClassShape.read(Files.readAllBytes(version.resolve(name + ".class"))));
        }
        return files;
    }

    /** {@return the outer's nest members as the load-time preparation lists them: its own and spares, up to n} */
    private static List<String> spares(String outer, int highest) {
        return IntStream.rangeClosed(1, highest).mapToObj(n -> outer + "$" + n).toList();
    }
}
