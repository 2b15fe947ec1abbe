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
 * Fields whose type changed, applied by the real agent: the new code runs with each field at its new type; an
 * object made before keeps its value where it converts without loss ({@code int} to {@code double}), and starts at
 * the default where it does not ({@code int} to {@code String}); a static field keeps its value; a second edit
 * keeps the new fields' values, and going back to the first types finds the running fields as that version left them.
 */
class FieldTypeReloadIT {
    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.reload.agent.it.StructuralReloadIT#jdksAndShapes")
    void retypedFieldsKeepTheValuesThatConvertWithoutLoss(Path jdk, CompilerKind compiler) {
        try (StructuralChild child = StructuralChild.start(jdk, compiler, work, "fields-retyped",
                "fixture.retyped.Main")) {
            assertEquals(List.of("score 3 coins 6 level 2 bag [a]"), child.call("step"), child::transcript);

            assertContains(child.install("v2"), "[reload] 2 classes in ",
                    "field type changed: int score → double (objects keep their values)",
                    "field type changed: int coins → String (its values do not convert to String without loss:"
                            + " objects made before the reload hold null)",
                    "int level → double (it keeps its value)",
                    "field type changed: ArrayList bag → List (objects keep their values)");
            assertEquals(List.of("score 4.5 coins null level 2.5 bag [a, b] | score 1.0 coins purse level 2.5 bag [b]"),
                    child.call("step"), child::transcript);

            assertContains(child.install("v3"), "[reload] 1 class in ", "fixture.retyped.Player (add)");
            assertEquals(List.of("score 10.5 coins null level 3.0 bag [a, b, b]"
                    + " | score 4.0 coins purse level 3.0 bag [b]"),
                    child.call("step"), child::transcript);

            // The first types again: the code uses the running fields, which take what the versions in between held
            // where it fits (level 3.0 is 3; score 10.5 and coins null are no int, so those keep what the first
            // version left; the list is the same object, which the second version added to).
            assertContains(child.install("v4"), "[reload] 2 classes in ", "field type changed: double score → int (back"
                    + " to the field it loaded with, which takes each object's value the versions in between held,"
                    + " where it fits the type)", "field type changed: static double level → int (back to the field it"
                    + " loaded with, which takes the value the versions in between held, where it fits the type)");
            assertEquals(List.of("score 6 coins 7 level 4 bag [a, b, b, a]"), child.call("step"), child::transcript);
        }
    }
}
