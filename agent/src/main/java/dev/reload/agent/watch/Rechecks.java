package dev.reload.agent.watch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files to read again once a delay has passed and to hand out even if their content did not change: a file that
 * could not be parsed is looked at again once its writes settle, and the files held back while the agent was paused
 * go out when it resumes. Not thread-safe: the collector guards it with its lock.
 */
final class Rechecks {
    /** File to when it is read again; in no order. */
    private final Map<Path, Recheck> rechecks = new HashMap<>();

    /** Asks for a file to be read again once {@code dueNanos} ({@link System#nanoTime()}) has passed. */
    void add(Path root, Path file, long dueNanos) {
        rechecks.put(file, new Recheck(root, dueNanos));
    }

    boolean isEmpty() {
        return rechecks.isEmpty();
    }

    /** {@return the files due at {@code now}} */
    List<Path> due(long now) {
        List<Path> due = new ArrayList<>();
        // A loop, not a lambda: the watcher asks on every event, and a lambda spins a class for the program.
        for (Map.Entry<Path, Recheck> recheck : rechecks.entrySet()) {
            if (recheck.getValue().dueNanos - now <= 0) {
                due.add(recheck.getKey());
            }
        }
        return due;
    }

    /** {@return how long after {@code now} the next file is due; {@link Long#MAX_VALUE} when none is asked for} */
    long nextDueNanos(long now) {
        long next = Long.MAX_VALUE;
        for (Recheck recheck : rechecks.values()) {
            next = Math.min(next, recheck.dueNanos - now);
        }
        return next;
    }

    /**
     * {@return the files due at {@code now}, to their watched roots, now no longer asked for} A file not due yet that
     * is among those written is no longer asked for either: read now, it is judged like any write.
     *
     * @param written the files of the batch being handed out, to their watched roots; never null
     */
    Map<Path, Path> takeDue(long now, Map<Path, Path> written) {
        Map<Path, Path> forced = new LinkedHashMap<>();
        for (Iterator<Map.Entry<Path, Recheck>> it = rechecks.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Recheck> recheck = it.next();
            if (recheck.getValue().dueNanos - now <= 0) {
                forced.put(recheck.getKey(), recheck.getValue().root);
                it.remove();
            } else if (written.containsKey(recheck.getKey())) {
                it.remove(); // written again: read now, judged like any write
            }
        }
        return forced;
    }

    private record Recheck(Path root, long dueNanos) {
    }
}
