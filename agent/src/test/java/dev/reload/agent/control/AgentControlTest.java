package dev.reload.agent.control;

import dev.reload.agent.watch.ChangeBatch;
import dev.reload.agent.watch.ChangeCollector;
import dev.reload.agent.watch.ChangedFile;
import dev.reload.agent.watch.ContentHash;
import dev.reload.agent.watch.TreeWatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentControlTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path classes;

    @TempDir
    Path sources;

    private final ChangeCollector collector = new ChangeCollector(Duration.ofMillis(1), (file, e) -> { });

    @Test
    void pausedBatchesAreHeldAndReadAgainOnResume() throws IOException {
        AgentControl control = new AgentControl(collector, watching(classes), List.of());
        Path file = write(classes.resolve("demo/A.class"), "first");
        long written = System.nanoTime();
        ChangeBatch batch = new ChangeBatch(List.of(new ChangedFile(classes, file, new byte[0], 0)), written, written);
        assertFalse(control.holdIfPaused(batch));
        control.pause();
        assertTrue(control.isPaused());
        assertTrue(control.holdIfPaused(batch));
        write(file, "written while paused");
        control.resume();
        assertFalse(control.isPaused());
        ChangeBatch released = assertTimeoutPreemptively(WAIT, collector::take);
        assertEquals(List.of(file), released.files().stream().map(ChangedFile::file).toList());
        assertEquals("written while paused", new String(released.files().get(0).bytes()));
    }

    @Test
    void rescanLooksAtClassFilesAndAtSourcesChangedSinceTheStart() throws IOException {
        Path known = write(classes.resolve("demo/Known.class"), "running");
        collector.remember(known, ContentHash.of("running".getBytes()));
        Path changed = write(classes.resolve("demo/Changed.class"), "new");
        Path oldSource = write(sources.resolve("demo/Old.java"), "class Old { }");
        Files.setLastModifiedTime(oldSource, java.nio.file.attribute.FileTime.fromMillis(0));
        AgentControl control = new AgentControl(collector, watching(classes, sources), List.of(sources));
        Path newSource = write(sources.resolve("demo/New.java"), "class New { }");
        assertEquals(3, control.rescan());
        ChangeBatch batch = assertTimeoutPreemptively(WAIT, collector::take);
        assertEquals(Set.of(changed, newSource), Set.copyOf(batch.files().stream().map(ChangedFile::file).toList()),
                "a file as the program runs it is dropped by its hash");
    }

    private static TreeWatcher watching(Path... roots) {
        return new TreeWatcher() {
            @Override
            public boolean watch(Path root) {
                return false;
            }

            @Override
            public Set<Path> roots() {
                return Set.of(roots);
            }
        };
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
