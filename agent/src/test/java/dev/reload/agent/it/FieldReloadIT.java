package dev.reload.agent.it;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fields added and removed, applied by the real agent: an added static field gets its initializer's value once
 * (or, with {@code clinit=none}, starts at its default value) and is shared by every class that uses it; an added instance field reads its default in objects made before the edit
 * and its initializer's value in objects made after; values stay across later edits; a removed field stays.
 */
class FieldReloadIT {
    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void withClinitNoneAddedFieldsStartAtDefaultsAndHoldTheirValuesAcrossEdits(Path jdk) {
        try (StructuralChild child = StructuralChild.start(jdk, work, "structural-fields", "fixture.fields.Main",
                "clinit=none")) {
            assertEquals(List.of("early score=1 bonus=7 | ticks=1"), child.call("step"), child::transcript);

            String v2 = child.install("v2");
            assertContains(v2, "[reload] 3 classes in ",
                    "fixture.fields.Player (<init>, describe, field added: int health"
                            + " (objects made before the reload hold 0))",
                    "field added: static int spawned (starts at 0: static initializers are not re-run)",
                    "field added: static String motto (starts at null: static initializers are not re-run)",
                    "static initializer added: not run, the class is initialized already",
                    "fixture.fields.Main (step, spawn)");
            assertEquals(List.of("early score=2 health=-1 bonus=7 | ticks=2 spawned=1 motto=null mode=null"
                    + " | main sees 1"), child.call("step"), child::transcript);

            // A player made now runs the new constructor, which gives it the initializer's value.
            assertEquals(List.of(), child.call("spawn"), child::transcript);
            assertEquals(List.of("early score=3 health=-2 bonus=7 | late score=1 health=99 bonus=7"
                    + " | ticks=3 spawned=12 motto=null mode=null | main sees 12"), child.call("step"),
                    child::transcript);

            // bonus goes (the running field stays); an added method works on the added fields, which keep their values.
            String v3 = child.install("v3");
            assertContains(v3, "[reload] ", "field removed: int bonus", "method added: void heal()",
                    "method added: static String report()");
            assertEquals(List.of("early score=4 hp=2 | late score=2 hp=103 | ticks=4 spawned=13 motto=null"
                    + " mode=null | main sees 13"), child.call("step"), child::transcript);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void theInitializersOfAddedStaticFieldsRunOnceAndNotAgainOnLaterEdits(Path jdk) {
        try (StructuralChild child = StructuralChild.start(jdk, work, "structural-fields", "fixture.fields.Main")) {
            assertEquals(List.of("early score=1 bonus=7 | ticks=1"), child.call("step"), child::transcript);
            assertContains(child.install("v2"), "[reload] 3 classes in ",
                    "field added: static String motto (starts at null, then its initializer runs once)",
                    "field added: static String mode (starts at null, then its initializer runs once)");
            // Each initializer ran once, reading ticks as it was, the conditional one included.
            assertEquals(List.of("early score=2 health=-1 bonus=7 | ticks=2 spawned=1 motto=hello 1 mode=warm"
                    + " | main sees 1"), child.call("step"), child::transcript);
            // A later edit keeps the fields: their initializers do not run again.
            child.install("v3");
            assertEquals(List.of("early score=3 hp=3 | ticks=3 spawned=2 motto=hello 1 mode=warm | main sees 2"),
                    child.call("step"), child::transcript);
            // Undone, then added again: the fields start as they did the first time, as the report says.
            child.install("v1");
            assertEquals(List.of("early score=4 bonus=7 | ticks=4"), child.call("step"), child::transcript);
            assertContains(child.install("v2"), "field added: int health (objects made before the reload hold 0)",
                    "field added: static String motto (starts at null, then its initializer runs once)");
            assertEquals(List.of("early score=5 health=-1 bonus=7 | ticks=5 spawned=1 motto=hello 4 mode=warm"
                    + " | main sees 1"), child.call("step"), child::transcript);
        }
    }

    private static void assertContains(String line, String... parts) {
        for (String part : parts) {
            assertTrue(line.contains(part), "expected «" + part + "» in: " + line);
        }
    }
}
