package dev.reload.agent.structural;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Added, edited and removed methods and lambdas on a stock JVM, seen from outside: a child JVM keeps one game
 * object and a lambda of each version while four versions of the classes are applied one after the other.
 */
class AddedMethodsIT {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void addedMethodsRunKeepStateAndRelinkOnLaterEdits(Path jdk, @TempDir Path work) {
        try (DriverJvm child = DriverJvm.start(jdk, work, "structural-methods", "fixture.structural.Main")) {
            assertEquals(List.of("v1 frames=1"), child.run("call step"), child::transcript);
            assertEquals(List.of("legacy 1"), child.run("call runStale"), child::transcript);

            assertEquals(List.of("reloaded 2"), child.install("v2"), child::transcript);
            assertEquals(List.of("v2 [game:2] 4 | tick 2"), child.run("call step"), child::transcript);

            // The moved helpers and lambdas change again; the ticker made by v2 runs v3's lambda body.
            assertEquals(List.of("reloaded 2"), child.install("v3"), child::transcript);
            assertEquals(List.of("v3 <game=3> 9 | tock 3"), child.run("call step"), child::transcript);

            // legacy() goes; the lambda v1 made (and v4 no longer makes) still calls it, and it runs its last body.
            assertEquals(List.of("reloaded 2"), child.install("v4"), child::transcript);
            assertEquals(List.of("v4 <game=4> | tock 4"), child.run("call step"), child::transcript);
            assertEquals(List.of("legacy 4"), child.run("call runStale"), child::transcript);
        }
    }
}
