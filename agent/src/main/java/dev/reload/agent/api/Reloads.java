package dev.reload.agent.api;

import dev.reload.agent.structural.RuntimeJar;
import dev.reload.runtime.SyncPoint;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where programs register {@link ReloadListener}s. The agent jar is on the system class path when the
 * program runs with {@code -javaagent}, so a program compiled against it (scope {@code provided}) can call
 * this directly. Thread-safe.
 */
public final class Reloads {
    /** True when the agent put the runtime, and so {@link SyncPoint}, on the boot class path at start. */
    private static final boolean SYNC_POINTS = RuntimeJar.onBootClassPath();

    /**
     * The system property that holds the summary line of the last batch, success or refusal, set before
     * listeners and hooks run: {@code 1 class in 4 ms: demo.Player (render)}. Outside the {@code reload.}
     * option namespace on purpose, so a later attach does not take it for an option.
     */
    public static final String LAST_REPORT_PROPERTY = "dev.reload.lastReport";

    private static final List<ReloadListener> LISTENERS = new CopyOnWriteArrayList<>();

    private Reloads() {
    }

    /**
     * Applies the batch the agent has prepared, if any, here on the calling thread: a synchronization point, for a
     * program that compiles against the agent (scope {@code provided}) and calls this once per frame instead of
     * naming a method with {@code sync=}. Costs a read of one field when no batch is ready; does nothing when the
     * agent is not running or was started without {@code sync=}.
     */
    public static void syncPoint() {
        if (SYNC_POINTS) {
            SyncPoint.reached();
        }
    }

    /**
     * Registers a listener for every later batch.
     *
     * @param listener the listener, never null
     */
    public static void addListener(ReloadListener listener) {
        LISTENERS.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Unregisters a listener; nothing happens when it was not registered.
     *
     * @param listener the listener, may be null
     */
    public static void removeListener(ReloadListener listener) {
        LISTENERS.remove(listener);
    }

    /** {@return the listeners registered now, in registration order} */
    public static List<ReloadListener> listeners() {
        return List.copyOf(LISTENERS);
    }
}
