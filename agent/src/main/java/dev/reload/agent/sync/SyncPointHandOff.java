package dev.reload.agent.sync;

import dev.reload.agent.config.SyncTarget;
import dev.reload.agent.report.Reporter;
import dev.reload.runtime.SyncPoint;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Hands each prepared batch to the game's synchronization point and waits for the game's thread to apply it. When no
 * synchronization point runs within the patience (a menu that stops the loop, a method the game never calls), the
 * reload thread takes the batch back and applies it itself, and says so.
 */
public final class SyncPointHandOff implements ApplyPoint {
    /** How long a prepared batch waits for the game's next frame: many frames, and still soon for a developer. */
    public static final Duration PATIENCE = Duration.ofSeconds(1);

    /**
     * True on a game thread while it applies a batch at its synchronization point; null elsewhere. No
     * {@code withInitial}: its lambda would spin a class at the first hook of every program, sync point or not.
     */
    private static final ThreadLocal<Boolean> AT_SYNC_POINT = new ThreadLocal<>();

    private final SyncTarget target;
    private final Reporter reporter;
    private final Duration patience;

    /**
     * @param target the method whose calls are synchronization points, for the report, never null
     * @param reporter where a batch applied on the reload thread after all is reported, never null
     * @param patience how long to wait for a synchronization point, never null
     */
    public SyncPointHandOff(SyncTarget target, Reporter reporter, Duration patience) {
        this.target = target;
        this.reporter = reporter;
        this.patience = patience;
    }

    @Override
    public void apply(Runnable batch, Runnable hooks) throws InterruptedException {
        CountDownLatch applied = new CountDownLatch(1);
        Thread reloadThread = Thread.currentThread();
        Runnable handedOver = () -> {
            boolean gameThread = Thread.currentThread() != reloadThread;
            AT_SYNC_POINT.set(gameThread);
            try {
                try {
                    batch.run();
                } finally {
                    applied.countDown(); // the reload thread goes on; a hook that runs long holds the game alone
                }
                hooks.run();
            } finally {
                AT_SYNC_POINT.remove();
            }
        };
        SyncPoint.offer(handedOver);
        boolean done;
        try {
            done = applied.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            if (!SyncPoint.withdraw(handedOver)) {
                applied.await(); // the game's thread has started it: it ends soon
            }
            throw e;
        }
        if (done) {
            return;
        }
        if (SyncPoint.withdraw(handedOver)) {
            reporter.info("no call of " + target + " within " + patience.toMillis() + " ms (is the game paused, or"
                    + " does it not call it every frame?); this batch applies on the agent's thread");
            handedOver.run();
        } else {
            applied.await(); // a synchronization point took it just now
        }
    }

    /** {@return true on a game thread that is applying a batch at its synchronization point, as hooks must know} */
    public static boolean atSyncPoint() {
        return Boolean.TRUE.equals(AT_SYNC_POINT.get());
    }
}
