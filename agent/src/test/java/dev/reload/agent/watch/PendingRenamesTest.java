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
    void aBatchWaitsUntilTheLastTemporaryFileIsRenamedHoweverLongTheRenamesTake() {
        renames.written(Path.of("C1.class.new"), 1000);
        renames.written(Path.of("C0.class.new"), 1010);
        assertTrue(renames.gone(Path.of("C1.class.new"), 1010 + FORGET - 10));
        assertEquals(FORGET - 90, renames.waitLeft(1010 + FORGET + 80), "C0 is still to come: the renames go on");
        assertTrue(renames.gone(Path.of("C0.class.new"), 1010 + FORGET + 100));
        renames.arrived(Path.of("C1.class"), 1010 + FORGET);
        assertEquals(FORGET, renames.waitLeft(1010 + FORGET + 100), "C0.class, renamed to, has not come yet");
        renames.arrived(Path.of("C0.class"), 1010 + FORGET + 100);
        assertEquals(0, renames.waitLeft(1010 + FORGET + 100));
        assertTrue(renames.seenSince(1000), "a burst of renames, which ends with its last rename");
        assertFalse(renames.seenSince(1010 + FORGET + 101));
    }

    @Test
    void aBurstIsCompleteOnceEveryTemporaryFileWrittenBeforeItsFirstRenameIsRenamedAndItsClassFileCame() {
        renames.written(Path.of("C1.class.new"), 1000);
        renames.written(Path.of("C0.class.new"), 1010);
        assertFalse(renames.complete(), "nothing renamed yet");
        renames.gone(Path.of("C1.class.new"), 1020);
        renames.arrived(Path.of("C1.class"), 5_000);
        assertFalse(renames.complete(), "C0.class.new is still to be renamed");
        renames.gone(Path.of("C0.class.new"), 1030);
        assertFalse(renames.complete(), "C0.class, renamed to, has not come yet");
        renames.arrived(Path.of("C0.class"), 5_000);
        assertTrue(renames.complete());
        renames.handedOut();
        assertFalse(renames.complete(), "the next burst tells its own end");
    }

    @Test
    void aToolThatRenamesInRoundsOrDeletesItsTemporaryFileNeverSaysItIsDone() {
        renames.written(Path.of("A.class.tmp"), 1000);
        renames.gone(Path.of("A.class.tmp"), 1010);
        renames.arrived(Path.of("A.class"), 5_000);
        renames.written(Path.of("B.class.tmp"), 1020);
        renames.gone(Path.of("B.class.tmp"), 1030);
        renames.arrived(Path.of("B.class"), 5_000);
        assertFalse(renames.complete(), "B was written after A's rename: a round ending says nothing of the next");
        renames.handedOut();
        renames.written(Path.of("C.class.new"), 2000);
        renames.gone(Path.of("C.class.new"), 2010);
        assertFalse(renames.complete(), "deleted, not renamed: no C.class comes");
        renames.handedOut();
        renames.written(Path.of("/classes/D.class.new"), 3000);
        renames.gone(Path.of("/classes/D.class.new"), 3010);
        renames.arrived(Path.of("/classes/D.class"), 5_000);
        renames.lostBelow(Path.of("/classes"));
        assertFalse(renames.complete(), "events were lost: more renames may have been among them");
    }

    @Test
    void aClassFileReportedBeforeItsTemporaryFileIsGoneHasComeAsAPollingWatcherReportsThem() {
        renames.written(Path.of("C0.class.new"), 1000);
        renames.arrived(Path.of("C0.class"), 1100);
        assertTrue(renames.gone(Path.of("C0.class.new"), 1100));
        assertEquals(0, renames.waitLeft(1100), "the class file came after the temporary file was written");
        assertTrue(renames.complete());
        renames.handedOut();
        renames.arrived(Path.of("C1.class"), 2000);
        renames.written(Path.of("C1.class.new"), 2100);
        assertTrue(renames.gone(Path.of("C1.class.new"), 2200));
        assertEquals(FORGET, renames.waitLeft(2200), "C1.class came before its temporary file was written: not this");
    }

    @Test
    void aTemporaryClassFileIsRenamedToTheClassFileItsNameStartsWith() {
        assertEquals(Path.of("demo/C0.class"), ClassFiles.renamedTo(Path.of("demo/C0.class.new")));
        assertEquals(Path.of("demo/C0.class"), ClassFiles.renamedTo(Path.of("demo/.C0.class.Xy12ab")));
        assertEquals(Path.of("C0$1.class"), ClassFiles.renamedTo(Path.of("C0$1.class.tmp")));
    }

    @Test
    void nothingWrittenUnderATemporaryNameNeverWaits() {
        assertEquals(0, renames.waitLeft(1000));
        assertFalse(renames.gone(Path.of("C0.class.new"), 1100), "seen gone, never seen written");
        assertEquals(0, renames.waitLeft(1000));
        assertFalse(renames.seenSince(0));
    }

    @Test
    void temporaryFilesLeftBehindAreForgottenAfterTheLastOneWasWrittenOrRenamed() {
        renames.written(Path.of("C1.class.new"), 1000);
        renames.written(Path.of("C0.class.new"), 1200);
        assertEquals(1, renames.waitLeft(1200 + FORGET - 1));
        assertEquals(0, renames.waitLeft(1200 + FORGET));
        renames.written(Path.of("D.class.tmp"), 5000);
        assertEquals(FORGET, renames.waitLeft(5000), "the ones forgotten hold nothing back");
        assertTrue(renames.gone(Path.of("D.class.tmp"), 5000));
        assertEquals(FORGET, renames.waitLeft(5000), "D.class, renamed to, has not come yet");
        assertEquals(0, renames.waitLeft(5000 + FORGET), "nor will it: D.class.tmp was deleted, not renamed");
    }

    @Test
    void temporaryFilesWhoseEventsWereLostAreForgottenBelowTheirTreeOnly() {
        renames.written(Path.of("/classes/a/C1.class.new"), 1000);
        renames.written(Path.of("/other/C2.class.new"), 1000);
        renames.lostBelow(Path.of("/classes"));
        assertFalse(renames.gone(Path.of("/classes/a/C1.class.new"), 1100));
        assertEquals(FORGET - 100, renames.waitLeft(1100), "/other's file is still to be renamed");
        assertTrue(renames.gone(Path.of("/other/C2.class.new"), 1200));
        renames.lostBelow(Path.of("/other"));
        assertEquals(0, renames.waitLeft(1200), "C2.class's event may have been lost too: the tree is read again");
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
