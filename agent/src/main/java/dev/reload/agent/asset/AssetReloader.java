package dev.reload.agent.asset;

import dev.reload.agent.api.AssetReport;
import dev.reload.agent.api.ReloadListener;
import dev.reload.agent.api.Reloads;
import dev.reload.agent.asset.AssetHookIndex.ClassHooks;
import dev.reload.agent.hook.HookRunner;
import dev.reload.agent.index.CaptureCompactor;
import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.agent.report.Reporter;
import dev.reload.agent.sync.ApplyPoint;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands a burst of changed assets to the asset hooks of every loaded watched class, in one call each, where the
 * {@link ApplyPoint} says: at the game's synchronization point, or on the reload thread, each hook then within the
 * {@linkplain HookRunner#PATIENCE patience}. Then reports the burst in one line and tells the listeners (the JFR
 * events and the MBean's counts among them). A hook that throws or hangs is reported by the {@link HookRunner}; the
 * next burst goes to it again. Used by the reload thread only; never throws.
 */
public final class AssetReloader {
    private final AssetHookIndex hooks;
    private final LoadedClassIndex index;
    private final Instrumentation instrumentation;
    private final CaptureCompactor compactor;
    private final ApplyPoint applyPoint;
    private final Reporter reporter;
    private final HookRunner runner;

    /**
     * @param hooks the classes that declare asset hooks, never null
     * @param index the watched classes, where the hooks' classes are resolved, never null
     * @param instrumentation what resolves them, never null
     * @param compactor scans the classes loaded since it last ran, so that none of their hooks is missed, never null
     * @param applyPoint where hooks run: the reload thread, or the game's synchronization point, never null
     * @param reporter where the report line and failing hooks go, never null
     */
    public AssetReloader(AssetHookIndex hooks, LoadedClassIndex index, Instrumentation instrumentation,
                         CaptureCompactor compactor, ApplyPoint applyPoint, Reporter reporter) {
        this.hooks = hooks;
        this.index = index;
        this.instrumentation = instrumentation;
        this.compactor = compactor;
        this.applyPoint = applyPoint;
        this.reporter = reporter;
        this.runner = new HookRunner(reporter);
    }

    /**
     * Gives the assets to every asset hook, and returns once they ran (or ran out of patience).
     *
     * @param assets the absolute paths of the changed assets, never null or empty
     * @param firstEventNanos {@link System#nanoTime()} of the burst's first write, for the reported time
     */
    public void reload(List<Path> assets, long firstEventNanos) {
        compactor.compactWaiting();
        List<ClassHooks> classes = hooks.loaded(index, instrumentation);
        if (classes.isEmpty()) {
            reporter.debug(assets.size() + " asset(s) changed (" + assets + "); no loaded class has an OnReload hook"
                    + " that takes a List<Path>");
            return;
        }
        try {
            applyPoint.apply(ApplyPoint.NOTHING_AFTER, () -> runHooks(classes, assets, firstEventNanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the agent is stopping: the hooks were not run
        }
    }

    /** Runs at the synchronization point or on the reload thread; never throws, as nothing may reach the game. */
    private void runHooks(List<ClassHooks> classes, List<Path> assets, long firstEventNanos) {
        try {
            List<String> called = new ArrayList<>();
            for (ClassHooks each : classes) {
                runner.runWithAssets(each.type(), each.names(), assets);
                each.names().forEach(name -> called.add(each.type().getName() + "." + name));
            }
            announce(new AssetReport(assets, called, Duration.ofNanos(System.nanoTime() - firstEventNanos)));
        } catch (RuntimeException | LinkageError e) {
            reporter.error("error while giving changed assets to hooks (" + e + "); the program goes on, save again"
                    + " to retry");
        }
    }

    private void announce(AssetReport report) {
        for (ReloadListener listener : Reloads.listeners()) {
            try {
                listener.assetsReloaded(report);
            } catch (RuntimeException | LinkageError e) {
                reporter.error("reload listener " + listener.getClass().getName() + " threw " + e);
            }
        }
        try {
            System.setProperty(Reloads.LAST_REPORT_PROPERTY, report.summary());
        } catch (SecurityException e) {
            reporter.debug("cannot publish the report as a system property (" + e + ")");
        }
        reporter.info(report.summary());
    }
}
