package dev.reload.agent.it;

import dev.reload.fixtures.harness.CompilerKind;
import dev.reload.fixtures.harness.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static dev.reload.agent.it.StructuralReloadIT.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Enum constants added at the end and removed, applied by the real agent: the new constant, {@code values()},
 * {@code valueOf}, its name and ordinal, a switch over it in another class (javac's switch map class, ECJ's switch
 * table), also in a class the batch leaves out, whose table is built again and never shrinks, an {@code EnumMap}
 * and {@code EnumSet} made afterwards; the constants held from before keep their identity and state, an
 * {@code EnumSet} made before keeps its constants, a constant inserted before the others or added with a body is
 * refused, and a removed constant comes back as the same object.
 */
class EnumConstantReloadIT {
    private static final String MAIN = "fixture.enums.Main";
    private static final String TWO = "SWORD/0 BOW/1 | map {SWORD=cut, BOW=shot} | all [SWORD, BOW] before [SWORD, BOW]";
    private static final String THREE = "SWORD/0 BOW/1 STAFF/2 | map {SWORD=cut, BOW=shot, STAFF=zap}"
            + " | all [SWORD, BOW, STAFF] before [SWORD, BOW]";

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.reload.agent.it.StructuralReloadIT#jdksAndShapes")
    void constantsAddedAtTheEndAndRemovedAreSeenEverywhereAndKeepTheirObjects(Path jdk, CompilerKind compiler) {
        try (StructuralChild child = StructuralChild.start(jdk, compiler, work, "enum-constants", MAIN)) {
            assertEquals(List.of(TWO), child.call("show"), child::transcript);
            assertEquals(List.of("held same=true uses=1"), child.call("held"), child::transcript);
            assertEquals(List.of("STAFF none", "MACE none"), child.call("find"), child::transcript);
            assertEquals(List.of("guard SWORD=parry BOW=dodge"), child.call("guard"), child::transcript);
            assertEquals(List.of("patrol started"), child.call("patrol"), child::transcript);

            assertContains(child.install("v2"), "fixture.enums.Weapon");
            // Guard is not in the batch: its switch table, sized for two constants, is built again.
            assertContains(child.awaitStderrContaining("enum switch tables built again"), "fixture.enums.Guard",
                    "fixture$enums$Weapon");
            assertEquals(List.of("guard SWORD=parry BOW=dodge STAFF=watch"), child.call("guard"), child::transcript);
            // Guard's table was made long enough before values() listed the new constant, so no frame threw; Arsenal's
            // held the new case from the first, so no frame missed it while the table waited to be built again; and
            // Scout's new switch map class, first used then, was sized by a values() that lists the new constant.
            assertEquals(List.of("patrol threw 0 missed 0"), child.call("patrolled"), child::transcript);
            assertEquals(List.of(THREE), child.call("show"), child::transcript);
            assertEquals(List.of("held same=true uses=2"), child.call("held"), child::transcript);
            assertEquals(List.of("STAFF=2 zap uses=1", "MACE none"), child.call("find"), child::transcript);
            assertEquals(List.of("kept STAFF"), child.call("keep"), child::transcript);

            child.install("inserted");
            assertContains(child.awaitStderrContaining("enum constant AXE at position 0"),
                    "fixture.enums.Weapon", "(SWORD is there now)", "add new constants after the last one");
            assertEquals(List.of(THREE), child.call("show"), child::transcript);

            child.install("body");
            assertContains(child.awaitStderrContaining("enum constant MACE —"), "fixture.enums.Weapon",
                    "a constant with a body ({ ... }) is a subclass of the enum, and the running enum was loaded final",
                    "declare its behaviour without a body, or restart to apply");
            assertEquals(List.of(THREE), child.call("show"), child::transcript);

            assertContains(child.install("v3"), "fixture.enums.Weapon");
            // Scout's switch map class gains an array for its switch over another enum, built as it would be. With
            // ECJ, its table method, moved by the reload that added it, is edited: the new code's calls reach the new
            // version from the redefinition on, so the patrol below met no old table lacking MACE's case.
            assertEquals(List.of("scout SWORD=blade/one BOW=arrow/two STAFF=stick/one MACE=club/one"),
                    child.call("scout"), child::transcript);
            assertEquals(List.of("SWORD/0 BOW/1 STAFF/2 MACE/3 | map {SWORD=cut, BOW=shot, STAFF=zap, MACE=crush}"
                    + " | all [SWORD, BOW, STAFF, MACE] before [SWORD, BOW]"), child.call("show"), child::transcript);
            assertEquals(List.of("STAFF=2 zap uses=2", "MACE=3 crush uses=1"), child.call("find"), child::transcript);
            assertEquals(List.of("held same=true uses=3"), child.call("held"), child::transcript);
            assertEquals(List.of("guard SWORD=parry BOW=dodge STAFF=watch MACE=watch | kept STAFF=watch"),
                    child.call("guard"), child::transcript);
            assertEquals(List.of("patrol threw 0 missed 0"), child.call("patrolled"), child::transcript);

            // Undone: values() and valueOf no longer list the added constants; the object held stays usable.
            child.install(Fixtures.sources("enum-constants", "v1"), "undo");
            assertEquals(List.of(TWO), child.call("show"), child::transcript);
            assertEquals(List.of("STAFF none", "MACE none"), child.call("find"), child::transcript);
            // Arsenal's switch, edited in the batch, reaches its default for the removed constant still held.
            assertEquals(List.of("kept STAFF/2 uses=3 unknown"), child.call("kept"), child::transcript);
            assertEquals(List.of("held same=true uses=4"), child.call("held"), child::transcript);
            // The guard's table keeps its length: the removed constant still held reaches its default.
            assertEquals(List.of("guard SWORD=parry BOW=dodge | kept STAFF=watch"), child.call("guard"),
                    child::transcript);

            // Added again: the very object made by the first edit, with its state.
            child.install(Fixtures.sources("enum-constants", "v2"), "again");
            assertEquals(List.of(THREE), child.call("show"), child::transcript);
            assertEquals(List.of("STAFF=2 zap uses=4", "MACE none"), child.call("find"), child::transcript);
            assertEquals(List.of("guard SWORD=parry BOW=dodge STAFF=watch | kept STAFF=watch"), child.call("guard"),
                    child::transcript);
        }
    }

    /** With {@code clinit=none} no initializer runs, so an added constant would be null: refused, nothing changes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void constantAddedWithClinitNoneIsRefused(Path jdk) {
        try (StructuralChild child = StructuralChild.start(jdk, work, "enum-constants", MAIN, "clinit=none")) {
            assertEquals(List.of(TWO), child.call("show"), child::transcript);
            child.install("v2");
            assertContains(child.awaitStderrContaining("enum constant added: STAFF"), "fixture.enums.Weapon",
                    "with clinit=none no initializer runs", "leave out clinit=none, or restart to apply");
            assertEquals(List.of(TWO), child.call("show"), child::transcript);
            assertEquals(List.of("STAFF none", "MACE none"), child.call("find"), child::transcript);
        }
    }

    /** kotlinc keeps a {@code when}'s table in {@code Arsenal$WhenMappings}, and the constants in {@code $ENTRIES} too. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void kotlinConstantAddedAtTheEndIsSeenByWhenEntriesAndEnumMap(Path jdk) {
        try (StructuralChild child = StructuralChild.start(jdk, CompilerKind.KOTLINC, work, "kotlin-enum-constants",
                "fixture.ktenums.Main")) {
            assertEquals(List.of("SWORD/0 BOW/1 | map {SWORD=cut, BOW=shot} | entries [SWORD, BOW]"),
                    child.call("show"), child::transcript);
            assertEquals(List.of("held same=true uses=1"), child.call("held"), child::transcript);
            assertEquals(List.of("guard SWORD=parry BOW=dodge"), child.call("guard"), child::transcript);
            assertEquals(List.of("patrol started"), child.call("patrol"), child::transcript);

            assertContains(child.install("v2"), "fixture.ktenums.Weapon");
            child.awaitStderrContaining("fixture.ktenums.Weapon: new values from changed static initializers:"
                    + " $VALUES, $ENTRIES");
            child.awaitStderrContaining("fixture.ktenums.Arsenal$WhenMappings: new values from changed static"
                    + " initializers: $EnumSwitchMapping$0");
            assertEquals(List.of("SWORD/0 BOW/1 STAFF/2 | map {SWORD=cut, BOW=shot, STAFF=zap}"
                    + " | entries [SWORD, BOW, STAFF]"), child.call("show"), child::transcript);
            // Guard is not in the batch: its WhenMappings class, sized for two constants, is built again.
            child.awaitStderrContaining("fixture.ktenums.Guard$WhenMappings: enum switch tables built again for the"
                    + " constants as they are now: $EnumSwitchMapping$0");
            assertEquals(List.of("guard SWORD=parry BOW=dodge STAFF=watch"), child.call("guard"), child::transcript);
            assertEquals(List.of("patrol threw 0 missed 0"), child.call("patrolled"), child::transcript);
            assertEquals(List.of("held same=true uses=2"), child.call("held"), child::transcript);
        }
    }
}
