package dev.reload.agent.watch;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wait for renames still to come, with made-up times: nothing here sleeps. */
class PendingRenamesTest {
    private static final long FORGET = 500;
    private final PendingRenames renames = new PendingRenames(FORGET);

    @Test
    void aBatchWaitsUntilTheLastTemporaryFileIsRenamed() {
        renames.written(Path.of("C1.class.new"), 1000);
        renames.written(Path.of("C0.class.new"), 1010);
        assertTrue(renames.gone(Path.of("C1.class.new")));
        assertEquals(FORGET - 90, renames.waitLeft(1100), "C0 is still to come, however long the pause");
        assertTrue(renames.gone(Path.of("C0.class.new")));
        assertEquals(0, renames.waitLeft(1100));
    }

    @Test
    void nothingWrittenUnderATemporaryNameNeverWaits() {
        assertEquals(0, renames.waitLeft(1000));
        assertFalse(renames.gone(Path.of("C0.class.new")), "seen gone, never seen written");
        assertEquals(0, renames.waitLeft(1000));
    }

    @Test
    void temporaryFilesLeftBehindAreForgottenAfterTheLastOneWasWritten() {
        renames.written(Path.of("C1.class.new"), 1000);
        renames.written(Path.of("C0.class.new"), 1200);
        assertEquals(1, renames.waitLeft(1200 + FORGET - 1));
        assertEquals(0, renames.waitLeft(1200 + FORGET));
        renames.written(Path.of("D.class.tmp"), 5000);
        assertEquals(FORGET, renames.waitLeft(5000), "the ones forgotten hold nothing back");
        assertTrue(renames.gone(Path.of("D.class.tmp")));
        assertEquals(0, renames.waitLeft(5000));
    }

    @Test
    void aClassFileWrittenUnderATemporaryNameIsToldByItsName() {
        for (String name : new String[] {"C0.class.new", "demo/C0.class.tmp", ".C0.class.Xy12ab"}) {
            assertTrue(ClassFiles.isTemporaryClassFile(Path.of(name)), name);
            assertFalse(AssetFiles.mayBeAsset(Path.of(name)), name);
        }
        for (String name : new String[] {"C0.class", "C0.classic", "palette.txt", "C0.java"}) {
            assertFalse(ClassFiles.isTemporaryClassFile(Path.of(name)), name);
        }
    }
}
