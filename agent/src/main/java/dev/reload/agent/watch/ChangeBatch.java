package dev.reload.agent.watch;

import java.util.List;

/**
 * The class files that changed during one burst of writes (one compile), to be applied together.
 *
 * @param files the changed files in the order they were first seen, never null or empty
 * @param firstEventNanos {@link System#nanoTime()} of the first write in the burst, for the reported time
 */
public record ChangeBatch(List<ChangedFile> files, long firstEventNanos) {
    public ChangeBatch {
        files = List.copyOf(files);
    }
}
