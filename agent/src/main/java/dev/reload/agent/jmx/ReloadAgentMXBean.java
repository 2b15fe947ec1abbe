package dev.reload.agent.jmx;

import java.util.List;

/**
 * The agent as JMX shows it, under the name {@value #OBJECT_NAME}: counts, the last report, and the controls a
 * developer wants from JConsole, VisualVM or JMC without a restart.
 */
public interface ReloadAgentMXBean {
    /** The object name the agent registers this bean under. */
    String OBJECT_NAME = "dev.reload:type=Agent";

    /** {@return how many batches were applied since the agent started} */
    long getReloadCount();

    /** {@return how many batches were refused or failed (compile errors included) since the agent started} */
    long getFailureCount();

    /** {@return how many bursts of changed assets were given to {@code OnReload} hooks since the agent started} */
    long getAssetBatchCount();

    /** {@return the last report, its first line and one line per reason; empty before the first batch} */
    String getLastReport();

    /** {@return true while watching is paused and changes are held back} */
    boolean isPaused();

    /** {@return the directories watched now, class output and sources} */
    List<String> getWatchedDirectories();

    /** Stops applying changes; what changes meanwhile is applied on {@link #resume()}. */
    void pause();

    /** Applies what changed while paused and goes back to applying each change. */
    void resume();

    /**
     * Looks at every watched class file again (and every source changed since the start), applying what differs.
     *
     * @return how many files were looked at
     */
    int rescan();
}
