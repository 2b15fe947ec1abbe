package dev.reload.agent.it;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long run of structural saves of one class through the real agent ({@link SoakVersions}: methods, a lambda, an
 * anonymous class and fields added, removed and added again), each version seen running, metaspace sampled after
 * collecting garbage. Too long for every build: {@code mvn verify -Psoak -pl agent -am} runs it
 * ({@code -Dsoak.edits=N} for another length); the figures it prints go in the closing notes.
 */
class StructuralSoakIT {
    private static final int EDITS = Integer.getInteger("soak.edits", 300);
    private static final int SAMPLE_EVERY = 50;
    /** Companions alive at the end: the last edit's, and perhaps a few the collector has not reached yet. */
    private static final int LIVE_COMPANIONS = 3;

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void hundredsOfStructuralEditsEachRunAndMetaspacePlateaus(Path jdk) {
        try (StructuralChild child = StructuralChild.start(jdk, work, SoakVersions.sources(work, 0), "soak",
                "fixture.soak.Main")) {
            assertEquals(List.of(SoakVersions.stepOf(0)), child.call("step"), child::transcript);
            List<Long> metaspace = new ArrayList<>();
            for (int edit = 1; edit <= EDITS; edit++) {
                String outcome = child.install(SoakVersions.sources(work, edit), "v" + edit);
                assertTrue(outcome.startsWith("[reload] "), outcome + "\n" + child.transcript());
                assertEquals(List.of(SoakVersions.stepOf(edit)), child.call("step"), child::transcript);
                if (edit % SAMPLE_EVERY == 0) {
                    metaspace.add(child.metaspaceUsedKiB());
                }
            }
            int companions = child.loadedClasses("$$ReloadCompanion");
            System.out.println("soak on " + jdk.getFileName() + ": " + EDITS + " edits, metaspace used (KiB) every "
                    + SAMPLE_EVERY + " edits after a GC: " + metaspace + ", companions loaded at the end: "
                    + companions);
            assertTrue(companions <= LIVE_COMPANIONS, companions + " companions are loaded\n" + child.transcript());
        }
    }
}
