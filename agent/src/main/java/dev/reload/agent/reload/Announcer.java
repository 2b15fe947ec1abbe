package dev.reload.agent.reload;

import dev.reload.agent.api.ReloadListener;
import dev.reload.agent.api.ReloadReport;
import dev.reload.agent.api.Reloads;
import dev.reload.agent.hook.HookMethods;
import dev.reload.agent.hook.HookRunner;
import dev.reload.agent.index.CapturedClass;
import dev.reload.agent.report.Reporter;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reports the outcome of a batch the way every batch is reported (the last-report property, listeners, report
 * lines), and runs the {@code OnReload} hooks of the classes a batch changed. Used by the reload thread only.
 */
final class Announcer {
    private final Reporter reporter;
    private final HookRunner hooks;
    private final BiConsumer<CapturedClass, byte[]> hookScanner;

    /** @param hookScanner shown each changed class's new file, to find its asset hooks, never null */
    Announcer(Reporter reporter, BiConsumer<CapturedClass, byte[]> hookScanner) {
        this.reporter = reporter;
        this.hooks = new HookRunner(reporter);
        this.hookScanner = hookScanner;
    }

    /** Reports what happened to a batch. */
    void announce(ReloadReport report) {
        // Listeners (the JFR events and the MBean's counters among them) first: once the line is printed,
        // everything that watches the agent has seen the batch.
        // Made once: for a large batch it is a long string, and the property, the MBean and the line all hold it.
        String summary = report.summary();
        publish(summary);
        for (ReloadListener listener : Reloads.listeners()) {
            try {
                listener.reloaded(report);
            } catch (RuntimeException | LinkageError e) {
                reporter.error("reload listener " + listener.getClass().getName() + " threw " + e);
            }
        }
        reporter.info(summary);
        if (report.reasons().size() > 1) {
            report.reasons().forEach(reason -> reporter.info("  " + reason));
        }
    }

    /** Runs the hooks of each class of a batch that took. */
    void runHooks(List<RedefinedClass> redefined) {
        for (RedefinedClass each : redefined) {
            JudgedClass judged = each.planned().judged();
            List<String> names = HookMethods.in(judged.file().file().bytes());
            if (!names.isEmpty()) {
                hooks.run(judged.type(), names);
            }
        }
    }

    /**
     * Shows the asset hook index each redefined class's new file, as the batch applies: before its hooks run, which
     * at a synchronization point may still run when the next batch applies.
     */
    void scanHooks(List<RedefinedClass> redefined) {
        for (RedefinedClass each : redefined) {
            JudgedClass judged = each.planned().judged();
            hookScanner.accept(judged.loaded().captured(), judged.file().file().bytes());
        }
    }

    /**
     * Leaves the last report line where any code can read it without a compile dependency on the agent: a game
     * HUD reads {@link Reloads#LAST_REPORT_PROPERTY} each frame, and an {@code OnReload} hook runs after it.
     */
    private void publish(String summary) {
        try {
            System.setProperty(Reloads.LAST_REPORT_PROPERTY, summary);
        } catch (SecurityException e) {
            reporter.debug("cannot publish the report as a system property (" + e + ")");
        }
    }
}
