package dev.reload.agent.jfr;

import dev.reload.agent.api.AssetReport;
import dev.reload.agent.api.ReloadListener;
import dev.reload.agent.api.ReloadReport;
import jdk.jfr.FlightRecorder;

/**
 * Turns each report into JFR events: a {@code dev.reload.Batch} per batch, a {@code dev.reload.Refusal} per
 * reason a batch was not applied, and a {@code dev.reload.Assets} per burst of changed assets given to hooks. Costs nothing measurable when no recording runs: until the program's Flight
 * Recorder is initialized (a recording started with {@code -XX:StartFlightRecording}, {@code jcmd JFR.start} or the
 * {@code jdk.jfr} API) no event can be enabled, so the event classes are not even loaded; after that the events are
 * built only when enabled. Register only where the module {@code jdk.jfr} is loaded (a {@code jlink}ed runtime may
 * lack it).
 */
public final class FlightRecorderListener implements ReloadListener {

    @Override
    public void reloaded(ReloadReport report) {
        // The first event class loaded registers itself with JFR, which loads and generates some 150 classes: every
        // later redefinition walks every loaded class at its safepoint, so a program that never records must not
        // pay for them.
        if (!FlightRecorder.isInitialized()) {
            return;
        }
        ReloadBatchEvent batch = new ReloadBatchEvent();
        if (batch.isEnabled()) {
            batch.outcome = report.outcome().name();
            batch.classCount = report.classes().size();
            batch.methodCount = report.classes().stream().mapToInt(c -> c.changedMethods().size()).sum();
            batch.reloadTime = report.elapsed().toNanos();
            batch.summary = report.summary();
            batch.commit();
        }
        for (String reason : report.reasons()) {
            ReloadRefusalEvent refusal = new ReloadRefusalEvent();
            if (!refusal.isEnabled()) {
                return;
            }
            refusal.outcome = report.outcome().name();
            refusal.reason = reason;
            refusal.commit();
        }
    }

    @Override
    public void assetsReloaded(AssetReport report) {
        if (!FlightRecorder.isInitialized()) {
            return; // as above: no event class is loaded before a recording can be running
        }
        AssetBatchEvent assets = new AssetBatchEvent();
        if (assets.isEnabled()) {
            assets.assetCount = report.assets().size();
            assets.hookCount = report.hooks().size();
            assets.reloadTime = report.elapsed().toNanos();
            assets.summary = report.summary();
            assets.commit();
        }
    }
}
