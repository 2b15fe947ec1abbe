/**
 * Watching class files: from file events to batches of changed files.
 *
 * <p>A {@link dev.reload.agent.watch.TreeWatcher} ({@link dev.reload.agent.watch.NativeTreeWatcher} on
 * {@code WatchService}, or {@link dev.reload.agent.watch.PollingTreeWatcher}; {@link dev.reload.agent.watch.TreeWatchers}
 * chooses) tells the {@link dev.reload.agent.watch.ChangeCollector} of every class file written. The collector
 * merges a burst of writes into one {@link dev.reload.agent.watch.ChangeBatch}, waiting as long as
 * {@code BurstPace} says, reads the files early ({@code ReadAhead}),
 * and drops files whose {@link dev.reload.agent.watch.ContentHash} is what it saw last. The reload thread takes
 * the batches, blocking.
 *
 * <p>Uses {@code java.nio.file}, {@link dev.reload.agent.parallel} and {@link dev.reload.agent.report}; knows
 * nothing of classes beyond their file names.
 */
package dev.reload.agent.watch;
