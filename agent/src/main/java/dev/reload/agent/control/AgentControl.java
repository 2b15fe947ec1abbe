package dev.reload.agent.control;

import dev.reload.agent.compile.JavaSources;
import dev.reload.agent.watch.ChangeBatch;
import dev.reload.agent.watch.ChangeCollector;
import dev.reload.agent.watch.ChangedFile;
import dev.reload.agent.watch.ClassFiles;
import dev.reload.agent.watch.TreeWatcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What tools can ask of the running agent: pause applying changes (a build that writes for minutes, a moment
 * that must not change), resume, and look at every watched file again (after a file system that lost events).
 * While paused, the files of each batch are held; on resume they are read again and applied as one batch, so what
 * runs is what is on disk then. Thread-safe.
 */
public final class AgentControl {
    private static final Duration MTIME_MARGIN = Duration.ofSeconds(2);

    private final ChangeCollector collector;
    private final TreeWatcher watcher;
    private final List<Path> sourceRoots;
    /**
     * When the agent started, less a margin: file systems stamp files with a coarser clock than {@link Instant#now()},
     * so a file saved just after the start may carry an earlier time.
     */
    private final FileTime started = FileTime.from(Instant.now().minus(MTIME_MARGIN));
    /** File to its watched root, held while paused; guarded by {@code this}. */
    private final Map<Path, Path> held = new LinkedHashMap<>();
    /** Assets written while paused; guarded by {@code this}. */
    private final Set<Path> heldAssets = new LinkedHashSet<>();
    private boolean paused;

    /**
     * @param collector the reload thread's source of batches, never null
     * @param watcher the watcher, whose roots are rescanned, never null
     * @param sourceRoots the {@code src=} directories compile mode watches, empty when it is off, never null
     */
    public AgentControl(ChangeCollector collector, TreeWatcher watcher, List<Path> sourceRoots) {
        this.collector = collector;
        this.watcher = watcher;
        this.sourceRoots = List.copyOf(sourceRoots);
    }

    /** Stops applying changes until {@link #resume()}; changes seen meanwhile are held. */
    public synchronized void pause() {
        paused = true;
    }

    /** Applies what changed while paused, as one batch, and goes back to applying each change. */
    public synchronized void resume() {
        paused = false;
        held.forEach((file, root) -> collector.recheck(root, file, Duration.ZERO));
        held.clear();
        heldAssets.forEach(collector::assetAgain);
        heldAssets.clear();
    }

    /** {@return true while changes are held back} */
    public synchronized boolean isPaused() {
        return paused;
    }

    /**
     * Holds a batch back when paused. Called by the reload thread for each batch before it applies it.
     *
     * @param batch the batch just taken, never null
     * @return true when the batch was held and must not be applied now
     */
    public synchronized boolean holdIfPaused(ChangeBatch batch) {
        if (!paused) {
            return false;
        }
        for (ChangedFile file : batch.files()) {
            held.put(file.file(), file.root());
        }
        heldAssets.addAll(batch.assets());
        return true;
    }

    /**
     * Looks at every class file below the watched class directories again, and at every watched source changed
     * since the agent started; what differs from what the program runs is applied as usual.
     *
     * @return how many files were looked at
     * @throws UncheckedIOException when a watched tree cannot be read
     */
    public int rescan() {
        int files = 0;
        for (Path root : watcher.roots()) {
            try {
                List<Path> found = sourceRoots.contains(root) ? changedSources(root) : ClassFiles.walk(root);
                found.forEach(file -> collector.touched(root, file));
                files += found.size();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the watched directory " + root, e);
            }
        }
        return files;
    }

    /** Sources older than the agent match what the program was built from, unless the build was stale already. */
    private List<Path> changedSources(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(JavaSources::isJavaSource).filter(Files::isRegularFile)
                    .filter(file -> modifiedSinceStart(file)).toList();
        }
    }

    private boolean modifiedSinceStart(Path file) {
        try {
            return Files.getLastModifiedTime(file).compareTo(started) >= 0;
        } catch (IOException e) {
            return false; // gone since the walk saw it: nothing to compile
        }
    }
}
