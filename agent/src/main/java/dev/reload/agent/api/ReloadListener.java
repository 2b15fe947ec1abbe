package dev.reload.agent.api;

/**
 * Told about every batch of changed classes the agent applied or refused, and about every burst of changed assets
 * handed to hooks. Register one with
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

    /**
     * Receives the report of one burst of changed assets, after the hooks that take them have run; where a
     * synchronization point is set ({@code sync=}), on the game's thread. Does nothing unless overridden.
     *
     * @param report the assets and the hooks they went to, never null
     */
    default void assetsReloaded(AssetReport report) {
    }
}
