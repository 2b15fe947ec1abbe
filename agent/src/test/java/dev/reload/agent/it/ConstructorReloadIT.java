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
 * Constructors added to a running class, applied by the real agent: {@code new} of one that delegates to
 * {@code this(...)} and of one that calls {@code super(...)} gives fully made objects (field initializers, a
 * {@code final} field, an added field), from the class's own code, from another class, from a class loaded after
 * the edit and through a constructor reference; a second edit of them applies, and once removed they keep their
 * last bodies for the code that still calls them.
 */
class ConstructorReloadIT {
    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.reload.agent.it.StructuralReloadIT#jdksAndShapes")
    void addedConstructorsMakeWholeObjectsAndKeepTheirLastBodiesWhenRemoved(Path jdk, CompilerKind compiler) {
        try (StructuralChild child = StructuralChild.start(jdk, compiler, work, "constructors-added",
                "fixture.ctors.Main")) {
            assertEquals(List.of("game hp 10 seed 3 level 4"), child.call("step"), child::transcript);

            assertContains(child.install("v2"), "[reload] 2 classes in ", "method added: constructor Game(int)",
                    "constructor Game(String, int)", "field added: List log", "fixture.ctors.Main (step, late)");
            assertEquals(List.of("game hp 10 seed 3 level 4 log null | game hp 15 seed 3 level 4 log []"
                    + " | hero hp 10 seed 9 level 4 log [seeded] | game hp 22 seed 3 level 4 log [] | made 5"),
                    child.call("step"), child::transcript);
            assertEquals(List.of("game hp 17 seed 3 level 4 log [] / late hp 10 seed 1 level 4 log [seeded]"
                    + " / game hp 12 seed 3 level 4 log []"), child.call("late"), child::transcript);

            // The added constructors edited again: the class loaded before links to their new bodies.
            assertContains(child.install("v3"), "[reload] 1 class in ", "fixture.ctors.Game (");
            assertEquals(List.of("game hp 10 seed 3 level 4 log null | game hp 20 seed 3 level 4 log []"
                    + " | hero hp 10 seed 9 level 4 log [seeded twice] | game hp 38 seed 3 level 4 log []"
                    + " | made 5"), child.call("step"), child::transcript);
            assertEquals(List.of("game hp 24 seed 3 level 4 log [] / late hp 10 seed 1 level 4 log [seeded"
                    + " twice] / game hp 14 seed 3 level 4 log []"), child.call("late"), child::transcript);

            // Undone: Spawner still calls the removed constructors, which run their last bodies.
            assertContains(child.install("v4"), "[reload] 2 classes in ", "method removed: constructor Game(int)");
            assertEquals(List.of("game hp 10 seed 3 level 4"), child.call("step"), child::transcript);
            assertEquals(List.of("game hp 24 seed 3 level 4 / late hp 10 seed 1 level 4 / game hp 14 seed 3 level 4"),
                    child.call("late"), child::transcript);
        }
    }
}
