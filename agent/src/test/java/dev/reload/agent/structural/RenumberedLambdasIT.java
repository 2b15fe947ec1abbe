package dev.reload.agent.structural;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Lambdas inserted before others, which renumbers them: a lambda object made by the first version keeps running
 * its own body, not the body of the new lambda that took its name.
 */
class RenumberedLambdasIT {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void earlierLambdaObjectKeepsItsBody(Path jdk, @TempDir Path work) {
        try (DriverJvm child = DriverJvm.start(jdk, work, "structural-lambdas", "fixture.lambdas.Main")) {
            assertEquals(List.of("b1 | early=first 1"), child.run("call step"), child::transcript);

            assertEquals(List.of("reloaded 2"), child.install("v2"), child::transcript);
            assertEquals(List.of("a1b1 | early=first 1"), child.run("call step"), child::transcript);

            assertEquals(List.of("reloaded 2"), child.install("v3"), child::transcript);
            assertEquals(List.of("A1b1 | early=first 1"), child.run("call step"), child::transcript);
        }
    }
}
