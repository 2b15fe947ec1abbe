package dev.reload.agent.sync;

/**
 * Where the part of a batch that changes the running program (the redefinition, linking, the report and the hooks)
 * runs: on the reload thread, or at the game's synchronization point.
 */
@FunctionalInterface
public interface ApplyPoint {
    /**
     * Applies on the calling thread, the reload thread: what the agent does without {@code sync=}. Not a lambda: it
     * is made in {@code premain}, where the first lambda would load dozens of classes before the program's main.
     */
    ApplyPoint RELOAD_THREAD = new ApplyPoint() {
        @Override
        public void apply(Runnable batch) {
            batch.run();
        }
    };

    /**
     * Runs {@code batch}, and returns once it has run.
     *
     * @param batch what applies the batch; it reports its own failures and never throws; never null
     * @throws InterruptedException when the reload thread is interrupted while it waits; the batch was not applied
     */
    void apply(Runnable batch) throws InterruptedException;
}
