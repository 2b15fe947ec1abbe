package dev.reload.agent.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The assets written since the last batch, with their own quiet period: an editor saves an asset as a temporary
 * file renamed over the old one, a tool exports several files one after the other, and a texture takes longer to
 * write than a class file. A burst that never goes quiet is cut after {@link #LONGEST_BURST}. Not thread-safe: the
 * collector guards it with its lock.
 */
final class AssetBurst {
    /** How long no asset may have been written before the assets seen are handed out as one burst. */
    static final Duration QUIET = Duration.ofMillis(100);
    static final Duration LONGEST_BURST = Duration.ofSeconds(2);

    /** In the order first seen. */
    private final Set<Path> pending = new LinkedHashSet<>();
    private long firstWriteNanos;
    private long lastWriteNanos;

    /** Notes a write of an asset at {@code now} ({@link System#nanoTime()}). */
    void written(Path file, long now) {
        if (pending.isEmpty()) {
            firstWriteNanos = now;
        }
        lastWriteNanos = now;
        pending.add(file);
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** {@return the nanoTime of the burst's first write; meaningless while it is empty} */
    long firstWriteNanos() {
        return firstWriteNanos;
    }

    /** {@return how much longer the burst waits for more writes; 0 when it is empty or may be handed out now} */
    long quietLeft(long now) {
        if (pending.isEmpty()) {
            return 0;
        }
        long quietLeft = lastWriteNanos + QUIET.toNanos() - now;
        long burstLeft = firstWriteNanos + LONGEST_BURST.toNanos() - now;
        return quietLeft <= 0 || burstLeft <= 0 ? 0 : Math.min(quietLeft, burstLeft);
    }

    /** {@return the assets written, in the order first seen, and starts a new burst} */
    List<Path> drain() {
        List<Path> files = new ArrayList<>(pending);
        pending.clear();
        return files;
    }
}
