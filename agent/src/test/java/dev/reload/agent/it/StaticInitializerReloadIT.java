package dev.reload.agent.it;

import dev.reload.fixtures.harness.CompilerKind;
import dev.reload.fixtures.harness.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Static fields whose initializer changed, applied by the real agent: a colour held in a {@code static final} field,
 * a plain static, a compile-time constant, and a {@code static final} table and {@code List.of} a reload added, each
 * changed; every class reads the new value, the hot loop the JIT compiled before the edit included, and the rest of
 * the static initializer does not run again; a field added beside the changed colour, whose initializer reads it,
 * gets the name of the new colour, as the new static initializer would give it; undone, the earlier values come
 * back.
 */
class StaticInitializerReloadIT {
    private static final String MAIN = "fixture.retuned.Main";

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.reload.agent.it.StructuralReloadIT#jdksAndShapes")
    void changedInitializersGiveTheirFieldsNewValuesEverywhereOnce(Path jdk, CompilerKind compiler) {
        try (StructuralChild child = StructuralChild.start(jdk, compiler, work, "static-initializers-changed", MAIN)) {
            assertEquals(List.of("hud=10/20/30 speed=3 | hud sees 10/20/30 | loads=1"), child.call("show"),
                    child::transcript);
            child.call("start");
            child.awaitCompiledByC2(MAIN + ".loop");
            assertEquals(List.of("seen red=10"), child.call("seen"), child::transcript);
            assertEquals(List.of("title=one"), child.call("title"), child::transcript);

            child.install("v2");
            child.awaitStderrContaining("fixture.retuned.Palette: new values from changed static initializers:"
                    + " HUD, speed, TITLE (the rest of the static initializer is not re-run)");
            assertEquals(List.of(
                    "hud=200/20/30 speed=5 | hud sees 200/20/30 [1, 2, 3] [a, b] hud 200/20/30 | loads=1"),
                    child.call("show"), child::transcript);
            awaitSeen(child, 200);
            // A compile-time constant: javac copied it into the classes reading it; reflection reads the field.
            assertEquals(List.of("title=two"), child.call("title"), child::transcript);

            // Only the palette changes now: the loop and the class it calls are not redefined, yet they read anew.
            child.awaitCompiledByC2(MAIN + ".loop");
            child.install("v3");
            child.awaitStderrContaining("fixture.retuned.Palette: new values from changed static initializers:"
                    + " HUD, SPEEDS, NAMES (the rest");
            assertEquals(List.of(
                    "hud=0/255/0 speed=5 | hud sees 0/255/0 [4, 5, 6, 7] [c] hud 200/20/30 | loads=1"),
                    child.call("show"), child::transcript);
            awaitSeen(child, 0);

            // Undone: the values of the second version come back, and still nothing else runs again.
            child.install(Fixtures.sources("static-initializers-changed", "v2"), "undo");
            assertEquals(2, child.transcript().lines().filter(line -> line.contains("fixture.retuned.Palette: new"
                    + " values from changed static initializers: HUD, SPEEDS, NAMES (the rest")).count(),
                    child::transcript);
            assertEquals(List.of(
                    "hud=200/20/30 speed=5 | hud sees 200/20/30 [1, 2, 3] [a, b] hud 200/20/30 | loads=1"),
                    child.call("show"), child::transcript);
            awaitSeen(child, 200);
        }
    }

    /**
     * kotlinc keeps a companion object's {@code val} in the outer class, set by its static initializer beside the
     * companion's {@code init} block, and a top-level {@code val} in the file's class ({@code PaletteKt}), its
     * {@code listOf} arguments in a local array.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void kotlinCompanionAndTopLevelValsTakeTheirChangedInitializers(Path jdk) {
        try (StructuralChild child = StructuralChild.start(jdk, CompilerKind.KOTLINC, work, "kotlin-static-initializers",
                "fixture.ktretuned.Main")) {
            assertEquals(List.of("hud=(10, 20, 30) speeds=[1, 2, 3] | loads=1"), child.call("show"), child::transcript);

            child.install("v2");
            child.awaitStderrContaining("fixture.ktretuned.Palette: new values from changed static initializers: hud"
                    + " (the rest of the static initializer is not re-run)");
            child.awaitStderrContaining("fixture.ktretuned.PaletteKt: new values from changed static initializers:"
                    + " speeds");
            assertEquals(List.of("hud=(200, 20, 30) speeds=[4, 5, 6, 7] | loads=1"), child.call("show"),
                    child::transcript);
        }
    }

    /** Asks the program what its hot loop read last until it is {@code red}; fails when it never is. */
    private static void awaitSeen(StructuralChild child, int red) {
        List<String> last = List.of();
        for (int attempt = 0; attempt < 500; attempt++) {
            last = child.call("seen");
            if (last.equals(List.of("seen red=" + red))) {
                return;
            }
        }
        assertEquals(List.of("seen red=" + red), last, child::transcript);
    }
}
