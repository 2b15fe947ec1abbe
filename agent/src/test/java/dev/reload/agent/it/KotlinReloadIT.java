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
 * inserted before another renumbers it: matched by code, each lambda object made before keeps its own body. With
 * {@code -Xlambdas=class} each lambda is a class numbered per function ({@code Board$first$1}), followed by its
 * code like an anonymous class.
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void classLambdasInsertedBeforeOthersKeepEarlierObjectsOnTheirBodies(Path jdk) {
        try (StructuralChild child = StructuralChild.start(jdk, CompilerKind.KOTLINC_CLASS_LAMBDAS, work,
                "kotlin-class-lambdas", "fixture.ktclass.Main")) {
            assertEquals(List.of("b1 | early=first 1"), child.call("step"), child::transcript);
            // Board$first$1 now holds the inserted lambda; the kept object's code is in Board$first$2.
            assertContains(child.install("v2"), "[reload] ",
                    "fixture.ktclass.Board$first$1 (continues as the file fixture.ktclass.Board$first$2)",
                    "fixture.ktclass.Board$labels$1 (continues as the file fixture.ktclass.Board$labels$2)");
            assertEquals(List.of("a1b1 | early=first 1"), child.call("step"), child::transcript);
        }
    }
}
