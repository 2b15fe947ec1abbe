package dev.reload.agent.jmx;

import dev.reload.agent.api.AssetReport;
import dev.reload.agent.api.ReloadListener;
import dev.reload.agent.api.ReloadReport;
import dev.reload.agent.control.AgentControl;
import dev.reload.agent.watch.TreeWatcher;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the reports it is told about and serves them, with the agent's controls, as {@link ReloadAgentMXBean}.
 * Uses nothing of {@code java.management} itself, so counting starts at once and costs nothing;
 * {@link BeanRegistration} makes it visible later. Thread-safe.
 */
public final class ReloadAgentBean implements ReloadAgentMXBean, ReloadListener {
    private final AgentControl control;
    private final TreeWatcher watcher;
    private final AtomicLong reloads = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong assetBatches = new AtomicLong();
    /** The last report of either kind, kept as it came: its text is made only when someone asks for it. */
    private volatile LastReport lastReport = new LastReport(null, null);

    /** A batch's report or an asset batch's, the one of them that is not null; both null before any. */
    private record LastReport(ReloadReport classes, AssetReport assets) {
        String text() {
            if (assets != null) {
                return assets.summary();
            }
            if (classes == null) {
                return "";
            }
            if (classes.reasons().size() < 2) {
                return classes.summary(); // one reason is in the summary itself
            }
            StringBuilder text = new StringBuilder(classes.summary());
            for (String reason : classes.reasons()) {
                text.append("\n  ").append(reason);
            }
            return text.toString();
        }
    }

    /**
     * @param control what pause, resume and rescan act on, never null
     * @param watcher what tells the watched directories, never null
     */
    public ReloadAgentBean(AgentControl control, TreeWatcher watcher) {
        this.control = control;
        this.watcher = watcher;
    }

    @Override
    public void reloaded(ReloadReport report) {
        (report.applied() ? reloads : failures).incrementAndGet();
        lastReport = new LastReport(report, null);
    }

    @Override
    public void assetsReloaded(AssetReport report) {
        assetBatches.incrementAndGet();
        lastReport = new LastReport(null, report);
    }

    @Override
    public long getAssetBatchCount() {
        return assetBatches.get();
    }

    @Override
    public long getReloadCount() {
        return reloads.get();
    }

    @Override
    public long getFailureCount() {
        return failures.get();
    }

    @Override
    public String getLastReport() {
        return lastReport.text();
    }

    @Override
    public boolean isPaused() {
        return control.isPaused();
    }

    @Override
    public List<String> getWatchedDirectories() {
        return watcher.roots().stream().map(Path::toString).sorted().toList();
    }

    @Override
    public void pause() {
        control.pause();
    }

    @Override
    public void resume() {
        control.resume();
    }

    @Override
    public int rescan() {
        return control.rescan();
    }
}
