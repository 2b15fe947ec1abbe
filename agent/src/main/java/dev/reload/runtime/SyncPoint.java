package dev.reload.runtime;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The synchronization point a game calls once per frame (the agent puts the call at the entry of the method named by
 * {@code sync=}, or the game calls {@code Reloads.syncPoint()}): a batch the agent has prepared is applied here, on
 * the game's thread, between frames, so no frame mixes old and new code and hooks run where the game's GL context
 * lives. When no batch is ready it costs a read of one field.
 *
 * <p>Lives on the boot class path, so a class of any loader can call it. Thread-safe.
 */
public final class SyncPoint {
    private static final AtomicReference<Runnable> PENDING = new AtomicReference<>();

    private SyncPoint() {
    }

    /** Applies the batch waiting for a synchronization point, if any, on the calling thread. */
    public static void reached() {
        Runnable batch = PENDING.get();
        if (batch != null && PENDING.compareAndSet(batch, null)) {
            batch.run();
        }
    }

    /**
     * Leaves a batch for the next synchronization point to apply.
     *
     * @param batch what applies the batch; never throws, never null
     */
    public static void offer(Runnable batch) {
        PENDING.set(batch);
    }

    /**
     * Takes back a batch no synchronization point has started.
     *
     * @param batch what {@link #offer} was given, never null
     * @return true when it was taken back; false when a synchronization point has started it
     */
    public static boolean withdraw(Runnable batch) {
        return PENDING.compareAndSet(batch, null);
    }
}
