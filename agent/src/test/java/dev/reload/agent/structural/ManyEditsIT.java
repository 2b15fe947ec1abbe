package dev.reload.agent.structural;

import dev.reload.agent.it.GrowingCounter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Twenty successive edits of one class, each adding a method and changing the ones added before: every edit
 * applies, the object's state carries through, and old companions are collected rather than piling up.
 */
class ManyEditsIT {
    private static final int EDITS = 20;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void twentyEditsAddingMethodsApplyWithoutGrowth(Path jdk, @TempDir Path work) {
        try (DriverJvm child = DriverJvm.start(jdk, work, GrowingCounter.sources(work, 0), "grow", "fixture.grow.Main")) {
            assertEquals(List.of(GrowingCounter.firstStepAfter(0)), child.run("call step"), child::transcript);
            for (int edit = 1; edit <= EDITS; edit++) {
                assertEquals(List.of("reloaded 2"), child.install(GrowingCounter.sources(work, edit), "v" + edit),
                        child::transcript);
                assertEquals(List.of(GrowingCounter.firstStepAfter(edit)), child.run("call step"), child::transcript);
            }
            String companions = child.run("count $$ReloadCompanion").get(0);
            int live = Integer.parseInt(companions.substring("count ".length()));
            assertTrue(live <= 3, "old companions must be collected, but " + live + " are loaded\n"
                    + child.transcript());
        }
    }
}
