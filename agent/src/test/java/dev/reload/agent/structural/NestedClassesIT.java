package dev.reload.agent.structural;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A new anonymous class and a first enum switch (javac's switch map class) change the outer class's
 * {@code NestMembers}; the spare names listed when the class loaded let redefinition take them, and the new
 * anonymous class reads the outer object's private field as a true nestmate.
 */
class NestedClassesIT {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void newAnonymousClassAndEnumSwitchWork(Path jdk, @TempDir Path work) {
        try (DriverJvm child = DriverJvm.start(jdk, work, "structural-nested", "fixture.nested.Main")) {
            assertEquals(List.of("stock 3"), child.run("call step"), child::transcript);
            // Main, Shop and Size are loaded; Shop$1 and Shop$2 are new and load from the class path.
            assertEquals(List.of("reloaded 3"), child.install("v2"), child::transcript);
            assertEquals(List.of("anonymous sees stock 3, large"), child.run("call step"), child::transcript);
        }
    }
}
