package dev.reload.agent.it;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Twenty successive saves of one class through the real agent, each adding a helper, replacing the public method
 * another class calls, and changing the helpers added before: each applies, state carries through, and the
 * program does not keep a class per edit (old companions are collected, and no bridge class is made).
 */
class ManyStructuralEditsIT {
    private static final int EDITS = 20;
    /** Companions alive at the end: the last edit's, and perhaps one or two the collector has not reached yet. */
    private static final int LIVE_COMPANIONS = 3;

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void twentyEditsAddingMethodsApply(Path jdk) {
        try (StructuralChild child = StructuralChild.start(jdk, work, GrowingCounter.sources(work, 0), "grow", "fixture.grow.Main")) {
            assertEquals(List.of(GrowingCounter.firstStepAfter(0)), child.call("step"), child::transcript);
            for (int edit = 1; edit <= EDITS; edit++) {
                String outcome = child.install(GrowingCounter.sources(work, edit), "v" + edit);
                assertTrue(outcome.startsWith("[reload] 2 classes in ") && outcome.contains("method added: int helper"
                        + edit + "()"), outcome + "\n" + child.transcript());
                assertEquals(List.of(GrowingCounter.firstStepAfter(edit)), child.call("step"), child::transcript);
            }
            int companions = child.loadedClasses("$$ReloadCompanion");
            assertTrue(companions >= 1 && companions <= LIVE_COMPANIONS, companions + " companions are loaded\n"
                    + child.transcript());
            // No lambda and no method reference names a moved method, so no bridge class is needed.
            assertEquals(0, child.loadedClasses("$$ReloadBridges"), child::transcript);
        }
    }
}
