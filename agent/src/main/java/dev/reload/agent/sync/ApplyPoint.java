package dev.reload.agent.sync;

/**
 * Where the part of a batch that changes the running program (the redefinition, linking and the report) runs, and
 * after it the hooks: on the reload thread, or at the game's synchronization point.
 */
@FunctionalInterface
public interface ApplyPoint {
    /** Nothing to run after a batch. Not a lambda, as {@link #RELOAD_THREAD}. */
    Runnable NOTHING_AFTER = new Runnable() {
        @Override
        public void run() {
        }
    };

    /**
     * Applies on the calling thread, the reload thread: what the agent does without {@code sync=}. Not a lambda: it
     * is made in {@code premain}, where the first lambda would load dozens of classes before the program's main.
     */
    ApplyPoint RELOAD_THREAD = new ApplyPoint() {
        @Override
        public void apply(Runnable batch, Runnable hooks) {
            batch.run();
            hooks.run();
        }
    };

    /**
     * Runs {@code batch}, then {@code hooks} on the same thread, and returns once {@code batch} has run: at a
     * synchronization point the hooks go on on the game's thread, where one that runs long holds the game, never the
     * next reload.
     *
     * @param batch what applies the batch; it reports its own failures and never throws; never null
     * @param hooks what runs the hooks once the batch applied; it reports its own failures and never throws; never
     *              null
     * @throws InterruptedException when the reload thread is interrupted while it waits; the batch was not applied
     */
    void apply(Runnable batch, Runnable hooks) throws InterruptedException;
}
