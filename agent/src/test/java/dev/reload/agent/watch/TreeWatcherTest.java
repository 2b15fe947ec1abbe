package dev.reload.agent.watch;

import dev.reload.agent.config.LogLevel;
import dev.reload.agent.report.Reporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Both watchers, through the collector, on a real temporary directory. */
class TreeWatcherTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private final ExecutorService taker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "test-taker");
        thread.setDaemon(true);
        return thread;
    });
    private final ChangeCollector collector = new ChangeCollector(Duration.ofMillis(20), (file, e) -> { });
    private Future<ChangeBatch> next;

    @AfterEach
    void stopTaker() {
        taker.shutdownNow();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"native", "poll"})
    void writesInOneBurstComeAsOneBatch(String kind) throws Exception {
        Path root = watchedRoot(kind);
        write(root.resolve("demo/A.class"), "a2");
        write(root.resolve("demo/B.class"), "b2");
        ChangeBatch batch = nextBatch();
        assertEquals(List.of("demo/A.class", "demo/B.class"),
                batch.files().stream().map(ChangedFile::relativePath).sorted().toList());
        assertArrayEquals("a2".getBytes(StandardCharsets.UTF_8), contentOf(batch, "demo/A.class"));
    }

    @Test
    void classFilesRenamedOverTheirOwnComeAsOneBatchHoweverLongTheRenamesTake() throws Exception {
        Path root = temp.resolve("classes");
        write(root.resolve("demo/A.class"), "a1");
        write(root.resolve("demo/B.class"), "b1");
        // A quiet period of a second, so that a rename waits for the next far longer than any pause below.
        ChangeCollector renames = new ChangeCollector(Duration.ofSeconds(1), (file, e) -> { });
        Reporter quiet = new Reporter(LogLevel.OFF, new PrintStream(new ByteArrayOutputStream()));
        NativeTreeWatcher.start(renames, quiet,
                file -> ClassFiles.isClassFile(file) || ClassFiles.isTemporaryClassFile(file)).watch(root);
        Thread.sleep(300); // registration happens in the background
        write(root.resolve("demo/A.class.new"), "a2");
        write(root.resolve("demo/B.class.new"), "b2");
        Future<ChangeBatch> batch = taker.submit(renames::take);
        Files.move(root.resolve("demo/A.class.new"), root.resolve("demo/A.class"), StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(1500); // longer than a single file's quiet period
        Files.move(root.resolve("demo/B.class.new"), root.resolve("demo/B.class"), StandardCopyOption.ATOMIC_MOVE);
        assertEquals(List.of("demo/A.class", "demo/B.class"), batch.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .files().stream().map(ChangedFile::relativePath).sorted().toList());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"native", "poll"})
    void unchangedContentIsDropped(String kind) throws Exception {
        Path root = watchedRoot(kind);
        write(root.resolve("demo/A.class"), "a2");
        ChangeBatch first = nextBatch();
        collector.remember(first.files().get(0).file(), first.files().get(0).hash());
        write(root.resolve("demo/A.class"), "a2");
        write(root.resolve("demo/Other.txt"), "not a class");
        assertNoBatch();
        write(root.resolve("demo/A.class"), "a3");
        assertEquals("demo/A.class", nextBatch().files().get(0).relativePath());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"native", "poll"})
    void recheckHandsOutAFileAgainEvenWhenUnchanged(String kind) throws Exception {
        Path root = watchedRoot(kind);
        write(root.resolve("demo/A.class"), "half");
        ChangedFile first = nextBatch().files().get(0);
        collector.remember(first.file(), first.hash());
        collector.recheck(root, first.file(), Duration.ofMillis(50));
        ChangedFile again = nextBatch().files().get(0);
        assertEquals(first.file(), again.file());
        assertEquals(first.hash(), again.hash());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"native", "poll"})
    void newPackageDirectoriesAreWatched(String kind) throws Exception {
        Path root = watchedRoot(kind);
        write(root.resolve("fresh/deep/N.class"), "n1");
        assertEquals("fresh/deep/N.class", nextBatch().files().get(0).relativePath());
        write(root.resolve("fresh/deep/M.class"), "m1");
        assertEquals("fresh/deep/M.class", nextBatch().files().get(0).relativePath());
    }

    @Test
    void aWatcherClosedAsTheProgramEndsReportsNothingMoreAndNoError() throws Exception {
        Path root = temp.resolve("classes");
        write(root.resolve("demo/A.class"), "a1");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        NativeTreeWatcher watcher = NativeTreeWatcher.start(collector,
                new Reporter(LogLevel.DEBUG, new PrintStream(said, true, StandardCharsets.UTF_8)));
        watcher.watch(root);
        Thread.sleep(300); // registration happens in the background
        write(root.resolve("demo/A.class"), "a2");
        assertEquals("demo/A.class", nextBatch().files().get(0).relativePath());

        watcher.close(); // what its shutdown hook does
        write(root.resolve("demo/A.class"), "a3");
        write(root.resolve("demo/B.class"), "b1");
        assertNoBatch();
        String output = said.toString(StandardCharsets.UTF_8);
        assertFalse(output.contains("error"), output);
    }

    @Test
    void aFileWrittenBeforeThePollersFirstWalkIsSeen() throws Exception {
        Path root = temp.resolve("classes");
        write(root.resolve("demo/A.class"), "a1");
        start("poll").watch(root);
        // No wait for the first walk, which takes the tree as it finds it then.
        write(root.resolve("fresh/N.class"), "n1");
        assertEquals("fresh/N.class", nextBatch().files().get(0).relativePath());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"native", "poll"})
    void rootDeletedAndRecreatedIsWatchedAgain(String kind) throws Exception {
        Path root = watchedRoot(kind);
        deleteTree(root);
        Thread.sleep(300); // let the watcher notice the root is gone before it comes back
        write(root.resolve("demo/A.class"), "a-after-clean");
        assertEquals("demo/A.class", nextBatch().files().get(0).relativePath());
        write(root.resolve("demo/A.class"), "a-edited");
        ChangeBatch batch = nextBatch();
        assertArrayEquals("a-edited".getBytes(StandardCharsets.UTF_8), contentOf(batch, "demo/A.class"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"native", "poll"})
    void aRebuildIsOneBatchOnceTheDeletedFilesAreBack(String kind) throws Exception {
        Path root = watchedRoot(kind);
        collector.remember(root.resolve("demo/A.class"), 1);
        collector.remember(root.resolve("demo/B.class"), 2);
        Files.delete(root.resolve("demo/A.class"));
        Files.delete(root.resolve("demo/B.class"));
        Thread.sleep(200);
        write(root.resolve("demo/A.class"), "a-rebuilt");
        assertNoBatch(); // B is still missing: applying A alone could run it against a class that is not there
        write(root.resolve("demo/B.class"), "b-rebuilt");
        assertEquals(List.of("demo/A.class", "demo/B.class"),
                nextBatch().files().stream().map(ChangedFile::relativePath).sorted().toList());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"native", "poll"})
    void aClassFileDeletedForGoodHoldsTheBatchOnlyUntilTheRebuildSettles(String kind) throws Exception {
        Path root = watchedRoot(kind);
        collector.remember(root.resolve("demo/B.class"), 2);
        Files.delete(root.resolve("demo/B.class"));
        Thread.sleep(200);
        write(root.resolve("demo/A.class"), "a2");
        assertEquals("demo/A.class", nextBatch().files().get(0).relativePath());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"native", "poll"})
    void rootThatAppearsLaterIsWatched(String kind) throws Exception {
        Path root = temp.resolve("later/classes");
        start(kind).watch(root);
        Thread.sleep(200);
        write(root.resolve("demo/L.class"), "l1");
        assertEquals("demo/L.class", nextBatch().files().get(0).relativePath());
    }

    private Path watchedRoot(String kind) throws Exception {
        Path root = temp.resolve("classes");
        write(root.resolve("demo/A.class"), "a1");
        write(root.resolve("demo/B.class"), "b1");
        start(kind).watch(root);
        Thread.sleep(300); // registration (native) or the baseline walk (poll) happens in the background
        return root;
    }

    private TreeWatcher start(String kind) {
        Reporter quiet = new Reporter(LogLevel.OFF, new PrintStream(new ByteArrayOutputStream()));
        return TreeWatchers.start(kind.equals("poll") ? Optional.of(Duration.ofMillis(25)) : Optional.empty(),
                collector, quiet);
    }

    /**
     * {@return the next batch}, whose contents are remembered as the reload loop remembers what it read: a poll that
     * saw a file between its creation and the end of its write reports it once more, with the same content
     */
    private ChangeBatch nextBatch() throws Exception {
        Future<ChangeBatch> pending = next != null ? next : taker.submit(collector::take);
        next = null;
        ChangeBatch batch = pending.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        for (ChangedFile file : batch.files()) {
            collector.remember(file.file(), file.hash());
        }
        return batch;
    }

    private void assertNoBatch() throws Exception {
        next = taker.submit(collector::take);
        assertThrows(TimeoutException.class, () -> next.get(500, TimeUnit.MILLISECONDS));
    }

    private static byte[] contentOf(ChangeBatch batch, String relativePath) {
        return batch.files().stream().filter(f -> f.relativePath().equals(relativePath)).findFirst()
                .orElseThrow(() -> new AssertionError(relativePath + " not in " + batch)).bytes();
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
