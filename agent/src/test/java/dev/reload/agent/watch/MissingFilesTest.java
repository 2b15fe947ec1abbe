package dev.reload.agent.watch;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A deleted class file is waited for as a rebuild's, unless the burst that follows no longer names its class. */
class MissingFilesTest {
    private static final long SETTLE = Duration.ofSeconds(3).toNanos();
    private static final Path ROOT = Path.of("classes", "dev", "reload", "agent", "watch");

    @Test
    void aDeletedClassTheBurstNoLongerNamesIsRemovedAtOnceAndOneItNamesIsWaitedFor() {
        MissingFiles missing = new MissingFiles(SETTLE);
        Path mode = ROOT.resolve("SampleMode.class");
        Path callee = ROOT.resolve("SampleCallee.class");
        missing.deleted(mode, 0);
        missing.deleted(callee, 0);
        // SampleCaller names SampleCallee, by a call; nothing names SampleMode.
        missing.removedUnlessNamed(List.of(whole(SampleCaller.class)));

        assertEquals(List.of(mode), missing.takeRemoved());
        assertEquals(List.of(), missing.takeRemoved(), "taken once");
        assertTrue(missing.rebuildLeft(1, new ReadAhead()) > 0, "the named one is waited for, as a rebuild's");

        assertEquals(SETTLE - 1, missing.rebuildLeft(1, new ReadAhead()));
        assertEquals(0, missing.rebuildLeft(SETTLE, new ReadAhead()));
        assertEquals(List.of(), missing.takeRemoved(), "given up on, not said removed: a slow rebuild writes it yet");
    }

    @Test
    void aClassNamedOnlyInAMembersDescriptorCountsAsNamed() {
        MissingFiles missing = new MissingFiles(SETTLE);
        Path mode = ROOT.resolve("SampleMode.class");
        missing.deleted(mode, 0);
        missing.removedUnlessNamed(List.of(whole(Counter.class)));
        assertEquals(List.of(), missing.takeRemoved());
    }

    /** Names SampleMode only in the descriptor of a method it declares: no constant-pool entry names the class. */
    static final class Counter {
        private Counter() {
        }

        static int count(SampleMode mode) {
            return 1;
        }
    }

    private static BurstReferences.WholeFile whole(Class<?> type) {
        return new BurstReferences.WholeFile(BurstReferencesTest.classFile(type), List.of(), Set.of(), false);
    }
}
