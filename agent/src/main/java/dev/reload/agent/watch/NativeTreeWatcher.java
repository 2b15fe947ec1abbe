package dev.reload.agent.watch;

import dev.reload.agent.report.Contained;
import dev.reload.agent.report.Reporter;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link TreeWatcher} on the platform's file events ({@link WatchService}; inotify on Linux). One daemon
 * thread blocks on the events; a second registers roots, so that {@link #watch} never does I/O on the
 * caller's thread, and looks every {@value #MISSING_ROOT_POLL_MILLIS} ms for roots that are missing
 * (deleted by {@code mvn clean}, or not created yet).
 */
public final class NativeTreeWatcher implements TreeWatcher {
    static final long MISSING_ROOT_POLL_MILLIS = 50;
    /** The longest the program's end waits for the watch service to close: less than the JVM's own wait for it. */
    private static final long CLOSE_AT_EXIT_MILLIS = 200;

    private final WatchService service;
    private final ChangeCollector collector;
    private final Reporter reporter;
    private final Predicate<Path> watchedFile;
    private final ConcurrentHashMap<WatchKey, Watched> keys = new ConcurrentHashMap<>();
    private final Set<Path> roots = ConcurrentHashMap.newKeySet();
    private final Set<Path> missing = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<RootTask> rootTasks = new LinkedBlockingQueue<>();

    private NativeTreeWatcher(WatchService service, ChangeCollector collector, Reporter reporter,
                              Predicate<Path> watchedFile) {
        this.service = service;
        this.collector = collector;
        this.reporter = reporter;
        this.watchedFile = watchedFile;
    }

    /**
     * {@return a watcher whose threads are running, with no roots yet}
     *
     * @throws IOException when the platform has no file events to offer (for example, no inotify instances left)
     */
    public static NativeTreeWatcher start(ChangeCollector collector, Reporter reporter) throws IOException {
        return start(collector, reporter, ClassFiles::isClassFile);
    }

    /**
     * {@return a watcher of the files {@code watchedFile} accepts (by path), whose threads are running, with no roots yet}
     *
     * @throws IOException when the platform has no file events to offer
     */
    public static NativeTreeWatcher start(ChangeCollector collector, Reporter reporter, Predicate<Path> watchedFile)
            throws IOException {
        NativeTreeWatcher watcher = new NativeTreeWatcher(FileSystems.getDefault().newWatchService(), collector,
                reporter, watchedFile);
        Contained.loop("reload-watch-events", reporter, watcher::handleNextKey);
        Contained.loop("reload-watch-roots", reporter, watcher::handleRootTasks);
        watcher.closeAtExit();
        return watcher;
    }

    /**
     * Closes the watch service when the program ends. The platform's poller thread waits for events in native code
     * (inotify's {@code poll} on Linux), and the JVM, as it exits, waits up to 300 ms for every thread in native code
     * to come back ({@code VM_Exit::wait_for_threads_in_native_to_block}): without this, a game took that much longer
     * to quit. Once the service is closed, the poller ends and the agent's watching threads stop without a word.
     */
    private void closeAtExit() {
        Runnable close = new Runnable() {
            @Override
            public void run() {
                close();
            }
        };
        Thread hook = new Thread(new Runnable() {
            @Override
            public void run() {
                // The JVM waits for every shutdown hook: closing waits for the poller's answer, so it runs on a daemon
                // of its own, and the hook gives it less time than the JVM would have waited for the poller.
                Thread closing = new Thread(close, "reload-watch-close");
                closing.setDaemon(true);
                closing.start();
                try {
                    closing.join(CLOSE_AT_EXIT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "reload-watch-exit");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException | SecurityException e) {
            // The program is ending already, or may not add hooks: it then quits as it would without this.
        }
    }

    /** Stops watching for good: the service is closed, and the threads that wait on it end. */
    void close() {
        try {
            service.close();
        } catch (IOException | RuntimeException e) {
            // Ending anyway: a service that cannot close leaves the JVM's wait as it was.
        }
    }

    @Override
    public boolean watch(Path root) {
        if (!roots.add(root)) {
            return false;
        }
        rootTasks.add(new RootTask(root, false));
        return true;
    }

    @Override
    public Set<Path> roots() {
        return Set.copyOf(roots);
    }

    private void handleNextKey() throws InterruptedException {
        WatchKey key = service.take();
        Watched watched = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (watched != null) {
                handle(watched, event);
            }
        }
        if (!key.reset()) {
            keys.remove(key);
            if (watched != null && watched.directory.equals(watched.root)) {
                reporter.debug("watched directory " + watched.root + " is gone; watching for it to come back");
                rootTasks.add(new RootTask(watched.root, true));
            }
        }
    }

    private void handle(Watched watched, WatchEvent<?> event) {
        WatchEvent.Kind<?> kind = event.kind();
        if (kind == StandardWatchEventKinds.OVERFLOW) {
            reporter.debug("too many file events at once below " + watched.root + "; looking at every file again");
            collector.eventsLost(watched.root);
            try {
                registerTree(watched.root, watched.root, true);
            } finally {
                collector.reread(watched.root);
            }
            return;
        }
        Path child = watched.directory.resolve((Path) event.context());
        // A class file, or one written under a temporary name, is known by its name not to be a directory: no look at
        // the file system for each of a burst's thousands of events, which kept this thread behind the JDK's poller
        // until the watch key's queue overflowed and the tree was read again.
        if (kind == StandardWatchEventKinds.ENTRY_CREATE && !ClassFiles.isClassOrTemporaryClassFile(child)
                && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
            // Files may land in a new directory before it is registered: the walk picks those up.
            registerTree(watched.root, child, true);
        } else if (watchedFile.test(child)) {
            if (kind == StandardWatchEventKinds.ENTRY_DELETE) {
                deleted(child);
            } else {
                collector.touched(watched.root, child);
            }
        }
    }

    /**
     * Only a deleted class file can mean a rebuild is under way, and a class file written under a temporary name that
     * is gone has been renamed to its own; a deleted source changes nothing that runs.
     */
    private void deleted(Path file) {
        if (ClassFiles.isClassOrTemporaryClassFile(file)) {
            collector.deleted(file);
        }
    }

    @SuppressWarnings("ModifyCollectionInEnhancedForLoop") // missing is a concurrent set
    private void handleRootTasks() throws InterruptedException {
        RootTask task = missing.isEmpty()
                ? rootTasks.take()
                : rootTasks.poll(MISSING_ROOT_POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (task != null) {
            if (Files.isDirectory(task.root)) {
                registerTree(task.root, task.root, task.reappeared);
                reporter.debug("watching " + task.root);
            } else {
                reporter.debug("watched directory " + task.root + " does not exist; watching for it to appear");
                missing.add(task.root);
            }
        }
        for (Path root : missing) {
            if (Files.isDirectory(root) && missing.remove(root)) {
                registerTree(root, root, true);
                reporter.debug("watching " + root + " (it appeared)");
            }
        }
    }

    /**
     * Registers the directory and every directory below it; with {@code touchClassFiles}, hands the collector every
     * watched file found (a tree that appeared, or events that overflowed), which reads only those that may have
     * changed.
     */
    private void registerTree(Path root, Path directory, boolean touchClassFiles) {
        try {
            registerDirectories(root, directory, touchClassFiles);
        } catch (NoSuchFileException e) {
            if (directory.equals(root)) {
                rootTasks.add(new RootTask(root, true));
            }
        } catch (IOException e) {
            reporter.error("cannot watch " + directory + " (" + e.getMessage() + "); changes below it are not seen");
        }
    }

    /**
     * Walks by names: an entry named as a class file is taken for one without asking the file
     * system. A class directory holds thousands of them, and asking whether each is a directory, as a generic walk
     * does, kept this thread busy for most of a program's start-up, on the cores the program starts on.
     */
    private void registerDirectories(Path root, Path directory, boolean touchClassFiles) throws IOException {
        WatchKey key = directory.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        keys.put(key, new Watched(root, directory));
        List<Path> subdirectories = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                // Only a class file is known by its name not to be a directory; an asset's name can be anything.
                if (!ClassFiles.isClassFile(entry) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    subdirectories.add(entry);
                } else if (touchClassFiles && watchedFile.test(entry)) {
                    collector.rescanned(root, entry);
                }
            }
        }
        for (Path subdirectory : subdirectories) {
            try {
                registerDirectories(root, subdirectory, touchClassFiles);
            } catch (NoSuchFileException e) {
                // Deleted while we walked: its deletion needs nothing.
            }
        }
    }

    private record Watched(Path root, Path directory) {
    }

    private record RootTask(Path root, boolean reappeared) {
    }
}
