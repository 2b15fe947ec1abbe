package dev.reload.agent.it;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static dev.reload.agent.it.StructuralReloadIT.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A top-level class renamed, and the rename undone, as an IDE writes it: the old class file deleted, the new one and
 * the classes that now use it written. The save applies without waiting for the deleted file to come back as a
 * rebuild's would, a line names the class whose file is gone, and an object of it made before keeps working.
 */
class ClassRenamedIT {
    private static final String MAIN = "fixture.renamed.Main";

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void aRenamedClassAppliesWithItsUsersAndTheOldOneStaysForWhatStillUsesIt(Path jdk) {
        try (StructuralChild child = StructuralChild.start(jdk, work, "class-renamed", MAIN)) {
            assertEquals(List.of("frame: v1 30"), child.call("frame"), child::transcript);
            assertEquals(List.of("kept scorer 10"), child.call("keep"), child::transcript);

            assertContains(child.installReplacing("v2"), "fixture.renamed.World");
            assertContains(child.awaitStderrContaining("class file deleted: fixture.renamed.Scorer"),
                    "the loaded class stays, with its last code, for the objects and code that still use it");
            assertEquals(List.of("frame: v2 300"), child.call("frame"), child::transcript);
            assertEquals(List.of("still scorer 10"), child.call("useKept"), child::transcript);
            assertEquals(List.of("kept points 100"), child.call("keep"), child::transcript);

            // Undone: Scorer's file is back as it loaded, Points' is gone.
            assertContains(child.installReplacing("v1"), "fixture.renamed.World");
            child.awaitStderrContaining("class file deleted: fixture.renamed.Points");
            assertEquals(List.of("frame: v1 30"), child.call("frame"), child::transcript);
            assertEquals(List.of("still points 100"), child.call("useKept"), child::transcript);
        }
    }
}
