package dev.reload.agent.it;

import dev.reload.fixtures.harness.CompilerKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static dev.reload.agent.it.StructuralReloadIT.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Named nested classes added to a running class (a nested class, an inner class, a local class, a nested record,
 * enum and interface; eighteen in a class whose spare names the new anonymous classes take) load under their own
 * names and reach the private members of their outer class both ways, method references and constructors
 * included; their later edits apply; objects made from them keep working; removing them again applies at once.
 */
class NestedClassReloadIT {
    private static final String V2_STEP = "badge 7s gauge 2 | inner 14 | tag7 | <PAIR7> | high | s64";
    private static final String PANEL = "hits 3 anonymous 52 nested 75";

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.reload.agent.it.StructuralReloadIT#jdksAndShapes")
    void namedNestedClassesAddedRunAsNestmatesAndTakeLaterEdits(Path jdk, CompilerKind compiler) {
        try (StructuralChild child = StructuralChild.start(jdk, compiler, work, "structural-named-nested",
                "fixture.named.Main")) {
            assertEquals(List.of("score 7s gauge 2"), child.call("step"), child::transcript);
            assertEquals(List.of("hits 3"), child.call("panel"), child::transcript);

            assertContains(child.install("v2"), "[reload] 3 classes in ", "fixture.named.Hud (",
                    "nested class added: fixture.named.Hud$Badge", "nested class added: fixture.named.Hud$1Tag",
                    "fixture.named.Panel (", "nested class added: fixture.named.Panel$N9");
            assertEquals(List.of(V2_STEP), child.call("step"), child::transcript);
            assertEquals(List.of(PANEL), child.call("panel"), child::transcript);
            // Its own name everywhere; made its own nest host, with its private members widened to package access.
            assertEquals(List.of("fixture.named.Hud$Badge Badge in Hud, same as Badge.class: true, nest host Badge,"
                    + " show private: false, class private: true"), child.call("describe"), child::transcript);
            child.call("keep");
            assertEquals(List.of("kept 7s gauge 2"), child.call("useKept"), child::transcript);

            // A body edit of the nested class alone; the object made before runs it.
            // (ECJ compiles Hud::secret through an accessor it adds to Hud, which v2 moved: the method holding the
            // reference was linked when the class loaded, so it is named too.)
            assertContains(child.install("v3"), "[reload] 1 class in ", "fixture.named.Hud$Badge (show");
            assertEquals(List.of(V2_STEP.replace("badge ", "badge! ")), child.call("step"), child::transcript);
            assertEquals(List.of("kept! 7s gauge 2"), child.call("useKept"), child::transcript);

            // A method added to the nested class, reading the outer object's private field (the classes below it
            // in the source reload too, for their line numbers).
            assertContains(child.install("v4"), "[reload] ", "fixture.named.Hud$Badge (",
                    "method added: String stars(Hud)");
            assertEquals(List.of(V2_STEP.replace("badge 7s gauge 2", "badge! 7s gauge 2 ***")), child.call("step"),
                    child::transcript);
            assertEquals(List.of("kept! 7s gauge 2 ***"), child.call("useKept"), child::transcript);

            // Undone: the nested classes leave the source and their files go; the object made from one stays.
            assertContains(child.installReplacing("v5"), "[reload] 2 classes in ", "fixture.named.Hud (",
                    "nested class removed: fixture.named.Hud$Badge");
            assertEquals(List.of("score 7s gauge 2"), child.call("step"), child::transcript);
            assertEquals(List.of("plain fixture.named.Hud$Badge"), child.call("useKept"), child::transcript);
            assertEquals(List.of(PANEL), child.call("panel"), child::transcript);
        }
    }
}
