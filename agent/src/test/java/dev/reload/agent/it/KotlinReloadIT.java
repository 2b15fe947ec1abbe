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
 * Edits of Kotlin code, compiled by kotlinc 2 as a Kotlin build compiles it, applied by the real agent. kotlinc
 * names its lambda bodies after their host method and numbers them there ({@code labels$lambda$0}), so a lambda
 * inserted before another renumbers it: matched by code, each lambda object made before keeps its own body.
 */
class KotlinReloadIT {
    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void lambdasInsertedBeforeOthersKeepEarlierObjectsOnTheirBodies(Path jdk) {
        try (StructuralChild child = StructuralChild.start(jdk, CompilerKind.KOTLINC, work, "kotlin-lambdas",
                "fixture.kt.Main")) {
            assertEquals(List.of("b1 | early=first 1"), child.call("step"), child::transcript);
            assertContains(child.install("v2"), "[reload] ", "lambda added in ");
            assertEquals(List.of("a1b1 | early=first 1"), child.call("step"), child::transcript);
            assertContains(child.install("v3"), "[reload] ");
            assertEquals(List.of("A1b1 | early=first 1"), child.call("step"), child::transcript);
        }
    }
}
