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
 * Interfaces of a running game: a world of shapes of several classes, made before any edit, reached through
 * {@code Shape} by each frame and by a loop on a thread of its own. Overrides of a default method added to an
 * implementing class and to a class inheriting it through its superclass, with {@code Shape.super.label()} and
 * {@code super.label()}, a second edit, an edit of the default body, and the override taken away again.
 */
class InterfaceReloadIT {
    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.reload.agent.it.StructuralReloadIT#jdksAndShapes")
    void overridesOfDefaultMethodsAreReachedThroughTheInterface(Path jdk, CompilerKind compiler) {
        try (StructuralChild child = StructuralChild.start(jdk, compiler, work, "structural-interfaces",
                "fixture.interfaces.Main")) {
            assertEquals(List.of("shape | shape | shape"), child.call("frame"), child::transcript);

            assertContains(child.install("v2"), "[reload] 1 class in ", "fixture.interfaces.Circle (",
                    "method added: String label() (overrides fixture.interfaces.Shape.label();"
                            + " calls through Shape reach it)");
            assertEquals(List.of("circle 3.0 | shape | shape"), child.call("frame"), child::transcript);

            // A second edit calling Shape.super.label(), and Blob, which inherits the default through Square.
            assertContains(child.install("v3"), "[reload] 2 classes in ", "fixture.interfaces.Circle (label",
                    "fixture.interfaces.Blob (method added: String label() (overrides");
            assertEquals(List.of("circle2+shape | shape | blob+shape"), child.call("frame"), child::transcript);

            // An edit of the default body every override was chosen over.
            assertContains(child.install("v4"), "[reload] 1 class in ", "fixture.interfaces.Shape (label)");
            assertEquals(List.of("circle2+shape2 | shape2 | blob+shape2"), child.call("frame"),
                    child::transcript);

            // Undo: Circle's override removed, its objects run the default again.
            assertContains(child.install("v5"), "[reload] 1 class in ", "fixture.interfaces.Circle (",
                    "method removed: String label()");
            assertEquals(List.of("shape2 | shape2 | blob+shape2"), child.call("frame"), child::transcript);
            assertEquals(List.of("thrown: nothing"), child.call("health"), child::transcript);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.reload.agent.it.StructuralReloadIT#jdksAndShapes")
    void methodsAddedToAnInterfaceReachEachObjectsImplementation(Path jdk, CompilerKind compiler) {
        try (StructuralChild child = StructuralChild.start(jdk, compiler, work, "structural-interfaces",
                "fixture.interfaces.Main")) {
            assertContains(child.install("v5"), "[reload] 2 classes in ");
            assertEquals(List.of("shape2 | shape2 | blob+shape2"), child.call("frame"), child::transcript);
            assertEquals(List.of("no names"), child.call("names"), child::transcript);

            // Shape gains the abstract name() and the default sides(); Circle and Square implement name(), Square
            // overrides sides(), Blob inherits Square's; Star, loaded after the edit, declares name() itself.
            assertContains(child.install("v6"), "[reload] 4 classes in ",
                    "fixture.interfaces.Shape (method added: String name(), method added: int sides()",
                    "fixture.interfaces.Square (method added: String name() (overrides fixture.interfaces.Shape");
            assertEquals(List.of("circle/0 | square/4 | square/4 | star/0 / square"), child.call("names"),
                    child::transcript);

            // A second edit; Blob gains its own, calling super.sides(), and Circle calls Shape.super.sides();
            // Census, loaded after the edit, calls name() through Shape.
            assertContains(child.install("v7"), "[reload] 4 classes in ", "fixture.interfaces.Square (name)",
                    "fixture.interfaces.Blob (method added: String name()");
            assertEquals(List.of("circle/10 | box/4 | blob/5 | star/0 / blob / cbbs"), child.call("names"),
                    child::transcript);
            // A frame of this version that runs on through the undo below, as one running when a reload lands does.
            child.call("hold");

            // Shape alone gains an abstract method that the loaded classes implementing it lack.
            String refused = child.install("v8");
            assertContains(refused, "[reload] refused, nothing was changed: fixture.interfaces.Shape: method added:"
                    + " corners() — fixture.interfaces.", " implements Shape and has no corners(), so its objects"
                    + " made before the edit would have none; add corners() to fixture.interfaces.");
            assertEquals(List.of("circle/10 | box/4 | blob/5 | star/0 / blob / cbbs"), child.call("names"),
                    child::transcript);

            // Undo: every added method removed; the world runs as before them, and nothing ever threw.
            assertContains(child.install("v9"), "[reload] ", "fixture.interfaces.Shape (",
                    "method removed: String name()");
            assertEquals(List.of("shape2 | shape2 | blob+shape2"), child.call("frame"), child::transcript);
            // The frame from before calls the removed methods through Shape: each object's last version, never the
            // body of Shape's abstract name(), which throws.
            assertEquals(List.of("held: circle/10 box/4 blob/5"), child.call("release"), child::transcript);
            assertEquals(List.of("thrown: nothing"), child.call("health"), child::transcript);

            // Square adds tag(), Blob overrides it in turn (Square's dispatches); then Shape gains a default tag():
            // calls through Shape reach each object's, calls through Square Blob's for a Blob, also after both are
            // edited again.
            assertContains(child.install("v10"), "[reload] 2 classes in ", "method added: String tag()");
            assertEquals(List.of("square square"), child.call("names"), child::transcript);
            assertContains(child.install("v11"), "[reload] 1 class in ", "method added: String tag() (overrides"
                    + " fixture.interfaces.Square.tag(), which a reload added; calls through Square reach it)");
            assertEquals(List.of("square blob+square"), child.call("names"), child::transcript);
            assertContains(child.install("v12"), "[reload] 2 classes in ", "method added: String tag()");
            assertEquals(List.of("shape square blob+square | square blob+square"), child.call("names"),
                    child::transcript);
            assertContains(child.install("v13"), "[reload] 2 classes in ");
            assertEquals(List.of("shape box blob2+box | box blob2+box"), child.call("names"), child::transcript);
            assertEquals(List.of("thrown: nothing"), child.call("health"), child::transcript);
        }
    }
}
