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
 * Overrides added to subclasses of a running game's objects: a loop calls {@code entity.update(frame)} on objects
 * of every class of the hierarchy made before any edit, and each version's overrides are what it reaches, at depth
 * one and two, for a grandchild that has none of its own, with {@code super.update(frame)}, through a second edit
 * of an override, an edit of the overridden body, an override removed and added again, and an override added in
 * the same save as an edit of the body it overrides, and an override of a generic method through its bridge; and
 * {@code super.update(frame)} written in methods declared when their class loaded (in a class loaded before the
 * first override, in one loaded after it, and in an override from load), which reaches the superclass's version
 * whatever overrides the receiver's class gains.
 */
class OverrideReloadIT {
    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.reload.agent.it.StructuralReloadIT#jdksAndShapes")
    void overridesAddedAtAnyDepthAreReachedThroughTheSuperclass(Path jdk, CompilerKind compiler) {
        try (StructuralChild child = StructuralChild.start(jdk, compiler, work, "structural-overrides",
                "fixture.overrides.Main")) {
            assertEquals(List.of("entity | entity | entity | entity"), child.call("step"), child::transcript);
            assertEquals(List.of("entity | entity+guard"), child.call("supers"), child::transcript);

            assertContains(child.install("v2"), "[reload] 1 class in ", "fixture.overrides.Enemy (",
                    "method added: void update(StringBuilder) (overrides fixture.overrides.Entity.update(StringBuilder);"
                            + " calls through Entity reach it)");
            assertEquals(List.of("entity | enemy | enemy | enemy"), child.call("step"), child::transcript);
            // Elite's super call, linked through the runtime when Entity.update began to dispatch; Guard's, an
            // override from load, still reaches Entity's own body; Recruit's, linked as it loads now.
            assertEquals(List.of("enemy | entity+guard"), child.call("supers"), child::transcript);
            assertEquals(List.of("enemy"), child.call("lateSupers"), child::transcript);

            // Depth two, calling super.update(frame): the override a reload added to Enemy.
            assertContains(child.install("v3"), "[reload] 1 class in ", "fixture.overrides.Boss (");
            assertEquals(List.of("entity | enemy | enemy+boss | enemy"), child.call("step"), child::transcript);

            // A second edit of an added override.
            assertContains(child.install("v4"), "[reload] 1 class in ", "fixture.overrides.Enemy (update");
            assertEquals(List.of("entity | enemy2 | enemy2+boss | enemy2"), child.call("step"), child::transcript);

            // An edit of the body every override was chosen over: the dispatch stays, with the new own body.
            assertContains(child.install("v5"), "[reload] 1 class in ", "fixture.overrides.Entity (update)");
            assertEquals(List.of("entity2 | enemy2 | enemy2+boss | enemy2"), child.call("step"), child::transcript);
            assertEquals(List.of("enemy2 | entity2+guard"), child.call("supers"), child::transcript);

            // Undo: Enemy's override removed; Boss's super call now reaches Entity's own body.
            assertContains(child.install("v6"), "[reload] 1 class in ", "fixture.overrides.Enemy (",
                    "method removed: void update(StringBuilder)");
            assertEquals(List.of("entity2 | entity2 | entity2+boss | entity2"), child.call("step"),
                    child::transcript);

            // Redo.
            assertContains(child.install("v7"), "[reload] 1 class in ", "fixture.overrides.Enemy (");
            assertEquals(List.of("entity2 | enemy | enemy+boss | enemy"), child.call("step"), child::transcript);

            // One save that edits the overridden body and adds a third override below it.
            assertContains(child.install("v8"), "[reload] 2 classes in ", "fixture.overrides.Entity (update)",
                    "fixture.overrides.Minion (method added: void update(StringBuilder) (overrides");
            assertEquals(List.of("entity3 | enemy | enemy+boss | minion"), child.call("step"), child::transcript);

            // An override of a generic method: the compiler's bridge overrides the superclass's erased method.
            assertEquals(List.of("any you"), child.call("generic"), child::transcript);
            assertContains(child.install("v9"), "[reload] 1 class in ", "fixture.overrides.Greeter (",
                    "method added: String handle(String)");
            assertEquals(List.of("hello 3"), child.call("generic"), child::transcript);

            // The receivers of super calls written in methods that stayed in their classes gain overrides: the
            // calls still reach the superclass's version, Enemy's, not the receiver's own.
            assertContains(child.install("v10"), "[reload] 2 classes in ", "fixture.overrides.Champion (",
                    "fixture.overrides.Veteran (");
            assertEquals(List.of("enemy | entity3+guard"), child.call("supers"), child::transcript);
            assertEquals(List.of("enemy"), child.call("lateSupers"), child::transcript);
            assertEquals(List.of("entity3 | enemy | enemy+boss | minion"), child.call("step"), child::transcript);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.reload.agent.it.StructuralReloadIT#jdksAndShapes")
    void overridesAddedInTheSaveThatEditsTheOverriddenBodyAreReached(Path jdk, CompilerKind compiler) {
        try (StructuralChild child = StructuralChild.start(jdk, compiler, work, "structural-overrides",
                "fixture.overrides.Main")) {
            assertEquals(List.of("entity | entity | entity | entity"), child.call("step"), child::transcript);

            // Entity's body, an override at depth one and one at depth two calling super, in one save.
            assertContains(child.install("v5"), "[reload] 3 classes in ", "fixture.overrides.Entity (update)",
                    "fixture.overrides.Enemy (method added: void update(StringBuilder) (overrides",
                    "fixture.overrides.Boss (method added: void update(StringBuilder) (overrides");
            assertEquals(List.of("entity2 | enemy2 | enemy2+boss | enemy2"), child.call("step"), child::transcript);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void kotlinOverridesAddedToOpenClassesAreReachedThroughTheSuperclass(Path jdk) {
        try (StructuralChild child = StructuralChild.start(jdk, CompilerKind.KOTLINC, work, "kotlin-overrides",
                "fixture.ktoverrides.Main")) {
            assertEquals(List.of("entity | entity | entity"), child.call("step"), child::transcript);
            assertEquals(List.of("entity"), child.call("supers"), child::transcript);
            assertEquals(List.of("show(chest a) chest c | pouch"), child.call("generics"), child::transcript);

            // Also abstract Box gains pick(String) and kotlinc's bridge, implementing Crate<String>'s pick(T): Chest
            // keeps its own, Bag, loaded after the edit, runs Box's; Pouch<T> gains fill(T), which Purse overrides
            // with fill(Int) in the same save (kotlinc's fill(int) returning Integer, and a bridge).
            assertContains(child.install("v2"), "[reload] 5 classes in ", "fixture.ktoverrides.Enemy (",
                    "method added: void update(StringBuilder) (overrides fixture.ktoverrides.Entity.update",
                    "method added: Object pick(Object) (a bridge the compiler generates) (implements"
                            + " fixture.ktoverrides.Crate.pick(Object); classes loaded later without their own run"
                            + " it)");
            assertEquals(List.of("entity | enemy | enemy"), child.call("step"), child::transcript);
            assertEquals(List.of("enemy"), child.call("supers"), child::transcript);
            assertEquals(List.of("show(chest a) chest c chest b | show(box a) box c box b | box w | 2 5"),
                    child.call("generics"), child::transcript);

            // An override calling super.update(frame) at depth two, and Champion's below Elite, whose super call
            // from a function it declared when it loaded still reaches Enemy's.
            // Chest's pick(String) calls super.pick(t); Box's and Purse's are edited again.
            assertContains(child.install("v3"), "[reload] 5 classes in ", "fixture.ktoverrides.Boss (",
                    "fixture.ktoverrides.Champion (", "fixture.ktoverrides.Chest (pick)");
            assertEquals(List.of("entity | enemy | enemy+boss"), child.call("step"), child::transcript);
            assertEquals(List.of("enemy"), child.call("supers"), child::transcript);
            assertEquals(List.of("show(chest on crate a) chest on crate c chest on crate b | show(crate a) crate c"
                    + " crate b | crate w | 25 55"), child.call("generics"), child::transcript);
        }
    }
}
