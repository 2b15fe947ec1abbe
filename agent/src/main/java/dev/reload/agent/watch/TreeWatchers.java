package dev.reload.agent.watch;

import dev.reload.agent.report.Reporter;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

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
        if (pollInterval.isPresent()) {
            return PollingTreeWatcher.start(collector, pollInterval.get(), reporter);
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac")) {
            return PollingTreeWatcher.start(collector, DEFAULT_POLL_INTERVAL, reporter);
        }
        try {
            return NativeTreeWatcher.start(collector, reporter);
        } catch (IOException | UnsupportedOperationException e) {
            reporter.error("no native file events here (" + e.getMessage() + "); polling every "
                    + DEFAULT_POLL_INTERVAL.toMillis() + " ms instead");
            return PollingTreeWatcher.start(collector, DEFAULT_POLL_INTERVAL, reporter);
        }
    }
}
