package dev.reload.agent.watch;

import dev.reload.agent.report.Reporter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** Chooses the watcher for this platform and the user's options. */
public final class TreeWatchers {
    /** The polling interval where the agent polls without being asked to (macOS). */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);

    private TreeWatchers() {
    }

    /**
     * {@return a running watcher: the polling one when {@code pollInterval} is given or on macOS (whose
     * {@code WatchService} polls only every few seconds), otherwise native file events, falling back to
     * polling when the platform refuses them}
     *
     * @param pollInterval the user's {@code poll=} option, never null
     * @param collector where changes go, never null
     * @param reporter where the fallback is reported, never null
     */
    public static TreeWatcher start(Optional<Duration> pollInterval, ChangeCollector collector, Reporter reporter) {
        return start(pollInterval, collector, reporter, ClassFiles::isClassFile);
    }

    /**
     * {@return a running watcher as {@link #start(Optional, ChangeCollector, Reporter)} chooses it, of the files
     * {@code watchedFile} accepts by their path (class files, or Java sources in compile mode)}
     */
    public static TreeWatcher start(Optional<Duration> pollInterval, ChangeCollector collector, Reporter reporter,
                                    Predicate<Path> watchedFile) {
        if (pollInterval.isPresent()) {
            return PollingTreeWatcher.start(collector, pollInterval.get(), reporter, watchedFile);
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac")) {
            return PollingTreeWatcher.start(collector, DEFAULT_POLL_INTERVAL, reporter, watchedFile);
        }
        try {
            return NativeTreeWatcher.start(collector, reporter, watchedFile);
        } catch (IOException | UnsupportedOperationException e) {
            reporter.error("no native file events here (" + e.getMessage() + "); polling every "
                    + DEFAULT_POLL_INTERVAL.toMillis() + " ms instead");
            return PollingTreeWatcher.start(collector, DEFAULT_POLL_INTERVAL, reporter, watchedFile);
        }
    }
}
