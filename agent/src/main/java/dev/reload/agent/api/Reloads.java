package dev.reload.agent.api;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where programs register {@link ReloadListener}s. The agent jar is on the system class path when the
 * program runs with {@code -javaagent}, so a program compiled against it (scope {@code provided}) can call
 * this directly. Thread-safe.
 */
public final class Reloads {
    private static final List<ReloadListener> LISTENERS = new CopyOnWriteArrayList<>();

    private Reloads() {
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
