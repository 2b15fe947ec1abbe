package dev.reload.agent.sync;

import dev.reload.agent.config.SyncTarget;
import dev.reload.agent.report.Reporter;
import dev.reload.agent.structural.RuntimeJar;

import java.io.UncheckedIOException;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.Optional;

/** Sets up {@code sync=} when the agent starts, and says where batches are applied. */
public final class SyncPoints {
    private SyncPoints() {
    }

    /**
     * {@return where batches are applied}: at the synchronization point {@code sync=} names, made ready now; on the
     * reload thread without one, or when it cannot be made ready (reported)
     *
     * @param syncPoint the {@code sync=} option, never null
     * @param instrumentation the agent's instrumentation; its capture transformer is registered already, never null
     * @param reporter where problems are reported, never null
     */
    public static ApplyPoint start(Optional<SyncTarget> syncPoint, Instrumentation instrumentation,
                                   Reporter reporter) {
        if (syncPoint.isEmpty()) {
            return ApplyPoint.RELOAD_THREAD;
        }
        SyncTarget target = syncPoint.get();
        try {
            // The call the method gets names a class of the runtime, which every class loader must see.
            RuntimeJar.install(instrumentation);
        } catch (IllegalStateException | UncheckedIOException e) {
            reporter.error("sync=" + target + ": " + e.getMessage() + "; batches apply on the agent's thread");
            return ApplyPoint.RELOAD_THREAD;
        }
        if (!target.equals(SyncTarget.MANUAL)) {
            SyncPointTransformer transformer = new SyncPointTransformer(target, reporter);
            instrumentation.addTransformer(transformer, true);
            retransformIfLoaded(target, instrumentation, reporter);
        }
        return new SyncPointHandOff(target, reporter, SyncPointHandOff.PATIENCE);
    }

    /** A class loaded before the agent (attach) gets its synchronization point now. */
    private static void retransformIfLoaded(SyncTarget target, Instrumentation instrumentation, Reporter reporter) {
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (loaded.getName().equals(target.binaryName()) && instrumentation.isModifiableClass(loaded)) {
                try {
                    instrumentation.retransformClasses(loaded);
                } catch (UnmodifiableClassException | RuntimeException | InternalError e) {
                    reporter.error("sync=" + target + ": cannot add the sync point to the loaded " + loaded.getName()
                            + " (" + e + "); batches apply on the agent's thread");
                }
            }
        }
    }
}
