package dev.reload.agent.watch;

import dev.reload.agent.report.Contained;
import dev.reload.agent.report.Reporter;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A {@link TreeWatcher} that walks every tree at a fixed interval and compares each class file's size and
 * modification time with the previous walk. For file systems without native events (network shares,
 * containers' bind mounts) and for macOS, where the JDK's own {@code WatchService} polls only every few
 * seconds.
 */
public final class PollingTreeWatcher implements TreeWatcher {
    private final ChangeCollector collector;
    private final Duration interval;
    /** Root to the size and modification time of each class file below it at the last walk. */
    private final ConcurrentHashMap<Path, Map<Path, Stamp>> snapshots = new ConcurrentHashMap<>();

    private final Reporter reporter;
    private final Predicate<Path> watchedFile;

    private PollingTreeWatcher(ChangeCollector collector, Duration interval, Reporter reporter,
                               Predicate<Path> watchedFile) {
        this.collector = collector;
        this.interval = interval;
        this.reporter = reporter;
        this.watchedFile = watchedFile;
    }

    /** {@return a watcher whose daemon thread walks the roots every {@code interval}, with no roots yet} */
    public static PollingTreeWatcher start(ChangeCollector collector, Duration interval, Reporter reporter) {
        return start(collector, interval, reporter, ClassFiles::isClassFile);
    }

    /** {@return a watcher of the files {@code watchedFile} accepts (by path), walking the roots every {@code interval}} */
    public static PollingTreeWatcher start(ChangeCollector collector, Duration interval, Reporter reporter,
                                           Predicate<Path> watchedFile) {
        PollingTreeWatcher watcher = new PollingTreeWatcher(collector, interval, reporter, watchedFile);
        Contained.loop("reload-watch-poll", reporter, watcher::pollOnce);
        return watcher;
    }

    @Override
    public boolean watch(Path root) {
        if (snapshots.containsKey(root)) {
            return false;
        }
        // The baseline is taken here, not by the polling thread's next walk: a file written or deleted in between
        // would pass for one that was there, or one that never was. A root that does not exist yet has an empty
        // baseline, so all of its class files count as written once it appears.
        Map<Path, Stamp> baseline;
        try {
            baseline = walk(root);
        } catch (IOException e) {
            reporter.debug("cannot read " + root + " (" + e + "); its files will count as written");
            baseline = Map.of();
        }
        if (snapshots.putIfAbsent(root, baseline) != null) {
            return false;
        }
        reporter.debug("watching " + root + " (polling every " + interval.toMillis() + " ms)");
        return true;
    }

    @Override
    public Set<Path> roots() {
        return Set.copyOf(snapshots.keySet());
    }

    private void pollOnce() throws InterruptedException, IOException {
        for (Path root : snapshots.keySet()) {
            Map<Path, Stamp> now = walk(root);
            Map<Path, Stamp> before = snapshots.put(root, now);
            now.forEach((file, stamp) -> {
                if (before == null || !stamp.equals(before.get(file))) {
                    collector.touched(root, file);
                }
            });
            if (before != null) {
                before.keySet().stream().filter(file -> !now.containsKey(file)
                        && ClassFiles.isClassOrTemporaryClassFile(file)).forEach(collector::deleted);
            }
        }
        Thread.sleep(interval.toMillis());
    }

    private Map<Path, Stamp> walk(Path root) throws IOException {
        Map<Path, Stamp> stamps = new HashMap<>();
        if (!Files.isDirectory(root)) {
            return stamps;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && watchedFile.test(file)) {
                    stamps.put(file, new Stamp(attributes.size(), attributes.lastModifiedTime().toInstant()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // deleted during the walk
            }
        });
        return stamps;
    }

    private record Stamp(long size, Instant modified) {
    }
}
