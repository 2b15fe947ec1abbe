package dev.reload.agent.watch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The collector on its own, told about writes directly. */
class ChangeCollectorTest {
    /** Long enough that the pause below stays well inside the longer wait even on a busy machine. */
    private static final Duration QUIET = Duration.ofSeconds(1);

    @TempDir
    Path root;

    @Test
    void aBurstOfSeveralFilesWaitsLongerThanOneQuietPeriodForMore() throws Exception {
        ChangeCollector collector = new ChangeCollector(QUIET, (file, e) -> { });
        collector.touched(root, write("A.class"));
        collector.touched(root, write("B.class"));
        // A pause of one and a half quiet periods in the middle of a burst, as a busy machine's writer may take.
        Thread.sleep(QUIET.toMillis() * 3 / 2);
        Path last = write("C.class");
        long beforeLast = System.nanoTime();
        collector.touched(root, last);
        long afterLast = System.nanoTime();
        ChangeBatch batch = takeFrom(collector);
        assertEquals(List.of("A.class", "B.class", "C.class"), batch.files().stream().map(ChangedFile::relativePath).toList());
        // The build's part of the batch's time ends with its last write, which the timing line then sets apart.
        assertTrue(batch.firstEventNanos() < beforeLast, "the first write is A's");
        assertTrue(beforeLast <= batch.lastEventNanos() && batch.lastEventNanos() <= afterLast, "the last is C's");
    }

    @Test
    void aBurstOfRenamesIsOneBatchHoweverLongTheWriterPausesBetweenTwoRenames() throws Exception {
        ChangeCollector collector = new ChangeCollector(QUIET, (file, e) -> { });
        Path a = write("A.class.new");
        Path b = write("B.class.new");
        collector.touched(root, a);
        collector.touched(root, b);
        CompletableFuture<ChangeBatch> first = CompletableFuture.supplyAsync(() -> takeFrom(collector));
        rename(collector, a, "A.class");
        // Longer than a single file's quiet period: only B.class.new, still to be renamed, says the build goes on.
        Thread.sleep(QUIET.toMillis() * 3 / 2);
        long beforeLast = System.nanoTime();
        rename(collector, b, "B.class");
        long afterLast = System.nanoTime();
        ChangeBatch batch = first.get();
        assertEquals(List.of("A.class", "B.class"), batch.files().stream().map(ChangedFile::relativePath).toList());
        assertTrue(beforeLast <= batch.lastEventNanos() && batch.lastEventNanos() <= afterLast, "the last is B's");
    }

    @Test
    void aBurstWhoseEventsWereLostWaitsUntilItsTreeIsReadAgain() throws Exception {
        ChangeCollector collector = new ChangeCollector(QUIET, (file, e) -> { });
        collector.touched(root, write("A.class"));
        // Too many events at once: the watcher reads the tree again, which finds a temporary file still to rename.
        collector.eventsLost(root);
        CompletableFuture<ChangeBatch> batch = CompletableFuture.supplyAsync(() -> takeFrom(collector));
        Thread.sleep(QUIET.toMillis() * 3 / 2);
        assertFalse(batch.isDone(), "handed out before the tree was read again");
        Path b = write("B.class.new");
        collector.touched(root, b);
        collector.reread(root);
        rename(collector, b, "B.class");
        assertEquals(List.of("A.class", "B.class"), batch.get().files().stream().map(ChangedFile::relativePath).toList());
    }

    @Test
    void aTreeReadAgainAfterItsEventsWereLostHandsOutOnlyTheFilesThatNoLongerHoldWhatWasSeen() throws Exception {
        ChangeCollector collector = new ChangeCollector(Duration.ofMillis(50), (file, e) -> { });
        Path same = write("Same.class");
        Path rewritten = write("Rewritten.class");
        collector.remember(same, ContentHash.of(Files.readAllBytes(same)));
        collector.remember(rewritten, ContentHash.of(Files.readAllBytes(rewritten)));
        collector.eventsLost(root);
        Files.write(rewritten, "another version".getBytes());
        Path added = write("Added.class");
        for (Path file : List.of(same, rewritten, added)) {
            collector.rescanned(root, file);
        }
        collector.reread(root);
        assertEquals(List.of("Added.class", "Rewritten.class"),
                takeFrom(collector).files().stream().map(ChangedFile::relativePath).sorted().toList());
    }

    /** Renames as inotify reports it: the temporary name deleted, then the class file created. */
    private void rename(ChangeCollector collector, Path temporary, String name) throws Exception {
        Path target = Files.move(temporary, root.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        collector.deleted(temporary);
        collector.touched(root, target);
    }

    @Test
    void aBurstCutByALongPauseGoesOnWaitingLongerForItsNextFiles() throws Exception {
        Duration quiet = Duration.ofMillis(200);
        ChangeCollector collector = new ChangeCollector(quiet, (file, e) -> { });
        collector.touched(root, write("A.class"));
        collector.touched(root, write("B.class"));
        ChangeBatch cut = takeFrom(collector);
        // The writer stops for longer than a burst waits, then writes two more files with a pause between them that
        // is longer than a burst's usual wait, but shorter than twice the pause that cut the burst.
        Thread.sleep(quiet.toMillis() * 4);
        collector.touched(root, write("C.class"));
        Thread.sleep(quiet.toMillis() * 5);
        collector.touched(root, write("D.class"));
        ChangeBatch rest = takeFrom(collector);
        assertEquals(List.of("A.class", "B.class"), cut.files().stream().map(ChangedFile::relativePath).toList());
        assertEquals(List.of("C.class", "D.class"), rest.files().stream().map(ChangedFile::relativePath).toList());
    }

    @Test
    void aWholeFileThatCallsAMethodALaterFileAddsWaitsForIt() throws Exception {
        // Every class of this test runs, declaring nothing of its own: the running Callee lacks added().
        List<ChangeBatch> batches = callerThenCallee(Declarations.of(BurstReferencesTest.classFile(Object.class)));
        assertEquals(List.of(List.of("Caller.class", "Callee.class")), paths(batches));
    }

    @Test
    void aWholeFileThatCallsWhatTheProgramHasIsHandedOutWithoutWaitingForTheNext() throws Exception {
        // Every class of this test runs as Callee is compiled, with added().
        List<ChangeBatch> batches = callerThenCallee(Declarations.of(
                BurstReferencesTest.classFile(SampleCallee.class)));
        assertEquals(List.of(List.of("Caller.class"), List.of("Callee.class")), paths(batches));
    }

    @Test
    void aWholeFileThatCallsAMethodALaterFileAddsWaitsForItLongerThanTheQuietPeriod() throws Exception {
        // A loaded machine kept the build's second file back for six quiet periods: applied alone, the first would
        // throw NoSuchMethodError into the program. It waits half a second after the last write.
        List<ChangeBatch> batches = callerThenCallee(Declarations.of(BurstReferencesTest.classFile(Object.class)),
                Duration.ofMillis(50), 250);
        assertEquals(List.of(List.of("Caller.class", "Callee.class")), paths(batches));
    }

    @Test
    void aFileNotReadWhenItsQuietPeriodEndsIsReadBeforeItGoesOut() throws Exception {
        // The consumer kept from a core past Caller's quiet period (a loaded machine) found it unread, and handed it out
        // alone, calling a method no class has: read first, it waits half a second for Callee's file, which adds it.
        ChangeCollector collector = new ChangeCollector(Duration.ofMillis(50), (file, e) -> { });
        Declarations running = Declarations.of(BurstReferencesTest.classFile(Object.class));
        collector.lookUpClassesWith((file, referencing, internalName) -> internalName.startsWith("dev/") ? running : null);
        collector.touched(root, classFile("Caller.class", SampleCaller.class));
        Thread.sleep(150);
        CompletableFuture<ChangeBatch> first = CompletableFuture.supplyAsync(() -> takeFrom(collector));
        Thread.sleep(100);
        collector.touched(root, classFile("Callee.class", SampleCallee.class));
        assertEquals(List.of(List.of("Caller.class", "Callee.class")), paths(List.of(first.get())));
    }

    /** {@return the batches of Caller's file, then Callee's 1.5 s later, when each class of this test runs as given} */
    private List<ChangeBatch> callerThenCallee(Declarations running) throws Exception {
        // Ready files wait a fifth of this, 600 ms; one that names a member no class has waits all of it.
        return callerThenCallee(running, Duration.ofSeconds(3), 1500);
    }

    /** {@return the batches of Caller's file, then Callee's {@code pauseMillis} later, with the quiet period given} */
    private List<ChangeBatch> callerThenCallee(Declarations running, Duration quiet, long pauseMillis) throws Exception {
        ChangeCollector collector = new ChangeCollector(quiet, (file, e) -> { });
        collector.lookUpClassesWith((file, referencing, internalName) -> internalName.startsWith("dev/") ? running : null);
        CompletableFuture<ChangeBatch> first = CompletableFuture.supplyAsync(() -> takeFrom(collector));
        collector.touched(root, classFile("Caller.class", SampleCaller.class));
        Thread.sleep(pauseMillis);
        collector.touched(root, classFile("Callee.class", SampleCallee.class));
        ChangeBatch batch = first.get();
        return batch.files().size() == 2 ? List.of(batch) : List.of(batch, takeFrom(collector));
    }

    @Test
    void aFileHandedOutBeforeItsSettlePeriodEndsIsHandedOutAgainWithAFileWrittenMeanwhile() throws Exception {
        // Ready files wait a fifth of this, 2 s: the first file is handed out before that, to be judged meanwhile.
        ChangeCollector collector = readyFilesCollector(Duration.ofSeconds(10));
        collector.touched(root, classFile("Caller.class", SampleCaller.class));
        ChangeBatch early = collector.take();
        collector.touched(root, classFile("Callee.class", SampleCallee.class));
        assertFalse(early.settling().await(), "stood, though a file was written in its settle period");
        assertEquals(List.of(List.of("Caller.class", "Callee.class")), paths(List.of(takeFrom(collector))));
    }

    @Test
    void aFileHandedOutBeforeItsSettlePeriodEndsStandsWhenNothingFollowsAndIsNotHandedOutAgain() throws Exception {
        ChangeCollector collector = readyFilesCollector(Duration.ofSeconds(10));
        collector.touched(root, classFile("Caller.class", SampleCaller.class));
        ChangeBatch early = collector.take();
        assertTrue(early.settling().await(), "a file with nothing written after it fell");
        collector.touched(root, classFile("Callee.class", SampleCallee.class));
        assertEquals(List.of(List.of("Caller.class"), List.of("Callee.class")),
                paths(List.of(early, takeFrom(collector))));
    }

    @Test
    void aFileHandedOutBeforeItsSettlePeriodEndsStandsWhenWrittenAgainWithTheSameBytesButNotWithOthers()
            throws Exception {
        ChangeCollector collector = readyFilesCollector(Duration.ofSeconds(10));
        Path caller = classFile("Caller.class", SampleCaller.class);
        collector.touched(root, caller);
        ChangeBatch early = collector.take();
        // A save's last event: the platform may report the truncation and the write apart.
        collector.touched(root, caller);
        assertTrue(early.settling().await(), "fell, though its file was written again with the same bytes");
        collector.touched(root, caller);
        ChangeBatch again = collector.take();
        collector.touched(root, classFile("Caller.class", SampleCallee.class));
        assertFalse(again.settling().await(), "stood, though its file was written again with other bytes");
    }

    /** {@return a collector to which every class of this test runs as compiled, so its files are ready when whole} */
    private static ChangeCollector readyFilesCollector(Duration quiet) {
        Declarations running = Declarations.of(BurstReferencesTest.classFile(SampleCallee.class));
        ChangeCollector collector = new ChangeCollector(quiet, (file, e) -> { });
        collector.lookUpClassesWith((file, referencing, internalName) -> internalName.startsWith("dev/") ? running : null);
        return collector;
    }

    private static List<List<String>> paths(List<ChangeBatch> batches) {
        return batches.stream().map(batch -> batch.files().stream().map(ChangedFile::relativePath).toList()).toList();
    }

    @Test
    void eachClassFileReadWholeIsPreparedWithTheVeryBytesAndShapeItsBatchHandsOut() throws Exception {
        ChangeCollector collector = readyFilesCollector(Duration.ofMillis(50));
        Map<Path, List<Object>> prepared = new ConcurrentHashMap<>();
        collector.prepareEachFileWith((file, bytes, shape) -> prepared.put(file, List.of(bytes, shape)));
        Path callee = classFile("Callee.class", SampleCallee.class);
        Path truncated = Files.write(root.resolve("Truncated.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});
        Path running = classFile("Running.class", SampleCallee.class);
        collector.remember(running, ContentHash.of(Files.readAllBytes(running)));
        collector.touched(root, callee);
        collector.touched(root, truncated);
        collector.touched(root, running);
        ChangeBatch batch = takeFrom(collector);
        ChangedFile whole = batch.files().get(0);
        assertEquals(List.of("Callee.class", "Truncated.class"),
                batch.files().stream().map(ChangedFile::relativePath).toList());
        assertSame(whole.bytes(), prepared.get(callee).get(0), "the bytes handed out");
        assertSame(whole.shape(), prepared.get(callee).get(1), "the shape handed out");
        assertFalse(prepared.containsKey(truncated), "a file that is no whole class file is not prepared");
        assertFalse(prepared.containsKey(running), "a file holding what runs is not prepared: its batch drops it");
    }

    @Test
    void aClassFileWrittenUnderATemporaryNameIsReadAndPreparedBeforeItsRenameAndHandedOutAsRead() throws Exception {
        TemporaryRead read = calleeReadBeforeItsRename();
        assertFalse(read.taken().isDone(), "nothing goes out before the rename");
        rename(read.collector(), read.temporary(), "Callee.class");
        ChangeBatch batch = read.taken().get();
        List<Object> prepared = read.prepared().get(root.resolve("Callee.class"));
        assertEquals(List.of("Callee.class"), batch.files().stream().map(ChangedFile::relativePath).toList());
        assertSame(prepared.get(0), batch.files().get(0).bytes(), "the bytes read before the rename");
        assertSame(prepared.get(1), batch.files().get(0).shape(), "the shape read before the rename");
    }

    @Test
    void aTemporaryFileChangedAfterItWasReadIsHandedOutAsItIsOnceRenamed() throws Exception {
        TemporaryRead read = calleeReadBeforeItsRename();
        // Written again with no event for it (one the platform lost, or one still on its way): the rename must not
        // hand out what was read before.
        byte[] other = Files.readAllBytes(classFile("Caller.class.new", SampleCaller.class));
        Files.write(read.temporary(), other);
        rename(read.collector(), read.temporary(), "Callee.class");
        assertArrayEquals(other, read.taken().get().files().get(0).bytes());
    }

    /**
     * A class file written as {@code Callee.class.new}, read and prepared as {@code Callee.class} while the consumer
     * waits for a batch.
     *
     * @param prepared what each file was prepared with, by the class file it was prepared as
     */
    private record TemporaryRead(ChangeCollector collector, Path temporary, Map<Path, List<Object>> prepared,
                                 CompletableFuture<ChangeBatch> taken) {
    }

    private TemporaryRead calleeReadBeforeItsRename() throws Exception {
        ChangeCollector collector = readyFilesCollector(Duration.ofMillis(50));
        Map<Path, List<Object>> prepared = new ConcurrentHashMap<>();
        collector.prepareEachFileWith((file, bytes, shape) -> prepared.put(file, List.of(bytes, shape)));
        CompletableFuture<ChangeBatch> taken = CompletableFuture.supplyAsync(() -> takeFrom(collector));
        Path temporary = classFile("Callee.class.new", SampleCallee.class);
        collector.touched(root, temporary);
        Path callee = root.resolve("Callee.class");
        for (int i = 0; i < 1_000 && !prepared.containsKey(callee); i++) {
            Thread.sleep(10);
        }
        assertTrue(prepared.containsKey(callee), "read and prepared as Callee.class before its rename");
        return new TemporaryRead(collector, temporary, prepared, taken);
    }

    @Test
    void aRenameWhoseClassFileEventIsLateIsWaitedForWhenEveryOtherFileIsReady() throws Exception {
        ChangeCollector collector = readyFilesCollector(Duration.ofMillis(50));
        Path callee = classFile("Callee.class.new", SampleCallee.class);
        Path caller = classFile("Caller.class.new", SampleCaller.class);
        collector.touched(root, callee);
        collector.touched(root, caller);
        CompletableFuture<ChangeBatch> taken = CompletableFuture.supplyAsync(() -> takeFrom(collector));
        rename(collector, callee, "Callee.class");
        Path renamed = Files.move(caller, root.resolve("Caller.class"), StandardCopyOption.ATOMIC_MOVE);
        collector.deleted(caller);
        // The watcher kept from the rename's second event for several settle periods, as on a busy machine.
        Thread.sleep(100);
        collector.touched(root, renamed);
        assertEquals(List.of("Callee.class", "Caller.class"),
                taken.get().files().stream().map(ChangedFile::relativePath).toList());
    }

    @Test
    void aDeletedClassFileTheNextBurstNoLongerNamesIsToldAsRemovedWithThatBatch() throws Exception {
        ChangeCollector collector = readyFilesCollector(Duration.ofMillis(50));
        List<Path> removed = new java.util.concurrent.CopyOnWriteArrayList<>();
        collector.tellRemovedClassFilesTo(removed::addAll);
        Path mode = classFile("SampleMode.class", SampleMode.class);
        collector.remember(mode, ContentHash.of(Files.readAllBytes(mode)));
        Files.delete(mode);
        collector.deleted(mode);
        collector.touched(root, classFile("SampleCaller.class", SampleCaller.class));

        ChangeBatch batch = takeFrom(collector);
        assertEquals(List.of("SampleCaller.class"), batch.files().stream().map(ChangedFile::relativePath).toList());
        assertEquals(List.of(mode), removed);
    }

    @Test
    void aClassFileCaughtHalfWrittenIsHandedOutOnceWhole() throws Exception {
        byte[] whole;
        try (var in = ChangeCollectorTest.class.getResourceAsStream("ChangeCollectorTest.class")) {
            whole = in.readAllBytes();
        }
        // Long enough that the second write always comes before the first would be handed out as it is.
        ChangeCollector collector = new ChangeCollector(Duration.ofSeconds(2), (file, e) -> { });
        Path file = Files.write(root.resolve("ChangeCollectorTest.class"), Arrays.copyOf(whole, whole.length / 2));
        collector.touched(root, file);
        collector.touched(root, Files.write(file, whole));
        ChangeBatch batch = takeFrom(collector);
        assertEquals(1, batch.files().size());
        assertArrayEquals(whole, batch.files().get(0).bytes());
    }

    @Test
    void classFilesNeverWaitForAssetsWhichNeverComeBeforeThemAndEditorsLeftoversNever() throws Exception {
        ChangeCollector collector = new ChangeCollector(Duration.ofMillis(5), (file, e) -> { });
        collector.touched(root, write("A.class"));
        for (String leftover : List.of(".palette.txt.swp", "palette.txt~", "4913", "level.tmp", ".hidden")) {
            collector.touched(root, write(leftover));
        }
        Files.createDirectories(root.resolve(".git"));
        collector.touched(root, write(".git/index"));
        collector.touched(root, write("palette.txt"));
        collector.touched(root, write("level1.txt"));
        ChangeBatch batch = takeFrom(collector);
        assertEquals(List.of("A.class"), batch.files().stream().map(ChangedFile::relativePath).toList());
        // With the class files when they were quiet too by then (a busy machine), else in the next batch.
        ChangeBatch withAssets = batch;
        if (batch.assets().isEmpty()) {
            withAssets = takeFrom(collector);
            assertEquals(List.of(), withAssets.files());
        }
        assertEquals(List.of(root.resolve("palette.txt"), root.resolve("level1.txt")), withAssets.assets());
    }

    @Test
    void anAssetWrittenAgainWithTheSameContentOrDeletedIsLeftOut() throws Exception {
        ChangeCollector collector = new ChangeCollector(Duration.ofMillis(5), (file, e) -> { });
        collector.touched(root, write("palette.txt"));
        assertEquals(List.of(root.resolve("palette.txt")), takeFrom(collector).assets());
        collector.touched(root, write("palette.txt"));
        Path gone = write("gone.txt");
        collector.touched(root, gone);
        Files.delete(gone);
        Path level = Files.writeString(root.resolve("level1.txt"), "changed");
        collector.touched(root, level);
        assertEquals(List.of(level), takeFrom(collector).assets());
        collector.assetAgain(root.resolve("palette.txt"));
        assertEquals(List.of(root.resolve("palette.txt")), takeFrom(collector).assets(), "held while paused: again");
    }

    private Path classFile(String name, Class<?> type) throws Exception {
        String simpleName = type.getName().substring(type.getName().lastIndexOf('.') + 1);
        try (var in = type.getResourceAsStream(simpleName + ".class")) {
            return Files.write(root.resolve(name), in.readAllBytes());
        }
    }

    /** {@return the next batch that stands once its settle period ends, as the reload thread takes it} */
    private static ChangeBatch takeFrom(ChangeCollector collector) {
        try {
            while (true) {
                ChangeBatch batch = collector.take();
                if (batch.settling().await()) {
                    return batch;
                }
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name) throws Exception {
        return Files.write(root.resolve(name), name.getBytes());
    }
}
