package dev.reload.agent.api;

/**
 * Told about every batch of changed classes the agent applied or refused. Register one with
 * {@link Reloads#addListener}. Called on the agent's reload thread, after the classes were redefined and
 * before {@code OnReload} hooks run; an exception it throws is reported and otherwise ignored. Keep it
 * short: the next batch waits for it.
 */
@FunctionalInterface
public interface ReloadListener {
    /**
     * Receives the report of one batch.
     *
     * @param report what happened, never null
     */
    void reloaded(ReloadReport report);
}
