package dev.reload.agent.watch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a tree read again after lost events learns of each file without reading it. */
class KnownContentsTest {
    @TempDir
    Path root;

    @Test
    void aFileRewrittenAfterItsStampWasKeptNoLongerHoldsWhatWasSeen() throws Exception {
        KnownContents known = new KnownContents((file, e) -> { });
        Path file = Files.write(root.resolve("A.class"), "version 1".getBytes());
        known.remember(file, ContentHash.of(Files.readAllBytes(file)));
        // Past the racy period, so that the stamp taken next is kept and the next look reads nothing.
        Thread.sleep(FileStamp.RACY.toMillis() + 100);
        assertTrue(known.holdsKnown(file));
        assertTrue(known.holdsKnown(file));
        Files.write(file, "version 2".getBytes());
        assertFalse(known.holdsKnown(file));
    }

    @Test
    void whatTheClassesKnewOfTheirFilesAtLoadCountsUntilSomethingNewerIsRemembered() throws Exception {
        KnownContents known = new KnownContents((file, e) -> { });
        Path loaded = Files.write(root.resolve("A.class"), "version 1".getBytes());
        Path other = Files.write(root.resolve("B.class"), "version 1".getBytes());
        long atLoad = ContentHash.of(Files.readAllBytes(loaded));
        assertFalse(known.knows(loaded));
        known.rememberLoadedWith(file -> file.equals(loaded) ? atLoad : null);
        assertTrue(known.knows(loaded));
        assertTrue(known.holds(loaded, atLoad));
        assertTrue(known.holdsKnown(loaded));
        assertFalse(known.knows(other));
        assertFalse(known.holds(other, atLoad));

        Files.write(loaded, "version 2".getBytes());
        assertFalse(known.holdsKnown(loaded));
        long applied = ContentHash.of(Files.readAllBytes(loaded));
        known.remember(loaded, applied);
        assertTrue(known.holds(loaded, applied));
        assertFalse(known.holds(loaded, atLoad), "what was remembered since is newer than what the class knew");
    }

    @Test
    void aFileAClassLoadedFromIsKnownBeforeItsHashIs() throws Exception {
        KnownContents known = new KnownContents((file, e) -> { });
        Path loaded = Files.write(root.resolve("A.class"), "version 1".getBytes());
        known.rememberLoadedWith(new LoadTimeHashes() {
            @Override
            public Long of(Path file) {
                return null; // not compacted yet
            }

            @Override
            public boolean loadedFrom(Path file) {
                return file.equals(loaded);
            }
        });
        assertTrue(known.knows(loaded), "its deletion is waited for, and said");
        assertFalse(known.holdsKnown(loaded));
        assertFalse(known.knows(root.resolve("B.class")));
    }

    @Test
    void aStampTakenWithinTheRacyPeriodIsNotKept() throws Exception {
        Path file = Files.write(root.resolve("A.class"), "version 1".getBytes());
        assertTrue(FileStamp.of(file, 1).racy(System.currentTimeMillis()));
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 2 * FileStamp.RACY.toMillis()));
        assertFalse(FileStamp.of(file, 1).racy(System.currentTimeMillis()));
    }

    @Test
    void aFileWhoseContentIsUnknownOrGoneIsNotTakenForKnown() throws Exception {
        KnownContents known = new KnownContents((file, e) -> { });
        Path file = Files.write(root.resolve("A.class"), "version 1".getBytes());
        assertFalse(known.holdsKnown(file));
        known.remember(file, ContentHash.of(Files.readAllBytes(file)));
        assertTrue(known.holdsKnown(file));
        Files.delete(file);
        assertFalse(known.holdsKnown(file));
    }

    @Test
    void aStampTellsAFileRenamedOverAnotherFromIt() throws Exception {
        Path file = Files.write(root.resolve("A.class"), "version 1".getBytes());
        FileStamp before = FileStamp.of(file, 1);
        Path temporary = Files.write(root.resolve("A.class.new"), "version 2".getBytes());
        Files.setLastModifiedTime(temporary, before.modified());
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        assertNotEquals(before, FileStamp.of(file, 1));
    }

    @Test
    void refusedBytesWrittenAgainAloneAreDroppedAndGoOutBesideANewFileOrOnceUndone() throws Exception {
        KnownContents known = new KnownContents((file, e) -> { });
        Path player = Files.write(root.resolve("Player.class"), "running".getBytes());
        Path hud = Files.write(root.resolve("Hud.class"), "running".getBytes());
        known.remember(player, ContentHash.of(Files.readAllBytes(player)));
        known.remember(hud, ContentHash.of(Files.readAllBytes(hud)));
        Files.write(player, "refused".getBytes());
        known.refused(player, ContentHash.of(Files.readAllBytes(player)));

        assertEquals(List.of(), names(known.changedFiles(Map.of(player, root), Map.of(), Map.of())),
                "the same refusal again for one save");
        assertEquals(List.of(player), names(known.changedFiles(Map.of(player, root), Map.of(player, root), Map.of())),
                "read again on purpose");
        Files.write(hud, "mended".getBytes());
        assertEquals(List.of(player, hud), names(known.changedFiles(orderedMap(player, hud), Map.of(), Map.of())),
                "a build writing the refused file beside a new one");

        Files.write(player, "running".getBytes());
        assertEquals(List.of(player), names(known.changedFiles(Map.of(player, root), Map.of(), Map.of())),
                "undone: it goes out once, so that what it held back is looked at again");
        assertEquals(List.of(), names(known.changedFiles(Map.of(player, root), Map.of(), Map.of())),
                "then it is what runs, and dropped");
        Files.write(player, "refused".getBytes());
        assertEquals(List.of(player), names(known.changedFiles(Map.of(player, root), Map.of(), Map.of())),
                "the refused edit made again after an undo is refused again, not dropped");
    }

    @Test
    void refusedBytesSavedAgainLaterOnPurposeAreJudgedAgain() throws Exception {
        KnownContents known = new KnownContents((file, e) -> { }, 0);
        Path player = Files.write(root.resolve("Player.class"), "running".getBytes());
        known.remember(player, ContentHash.of(Files.readAllBytes(player)));
        Files.write(player, "refused".getBytes());
        known.refused(player, ContentHash.of(Files.readAllBytes(player)));
        assertEquals(List.of(player), names(known.changedFiles(Map.of(player, root), Map.of(), Map.of())),
                "past the moment one save's events come in: the refusal is said again");
    }

    private Map<Path, Path> orderedMap(Path first, Path second) {
        Map<Path, Path> files = new LinkedHashMap<>();
        files.put(first, root);
        files.put(second, root);
        return files;
    }

    private static List<Path> names(List<ChangedFile> files) {
        return files.stream().map(ChangedFile::file).toList();
    }
}
