package dev.reload.agent.attach;

/**
 * What loading the agent into a running JVM found.
 *
 * @param javaFeature the target's Java feature version (17, 21, 25, ...)
 * @param dynamicLoadingAllowed true when the target was started with {@code -XX:+EnableDynamicAgentLoading}, so
 *     Java 21 and later load the agent without a warning
 * @param alreadyRunningOptions the options of the agent already running in the target, which was therefore not
 *     loaded again; null when it was loaded now
 */
record AttachOutcome(int javaFeature, boolean dynamicLoadingAllowed, String alreadyRunningOptions) {
    /** The first Java that warns about agents loaded into a running program (JEP 451). */
    static final int FIRST_WARNING_JAVA = 21;

    /** {@return true when the target printed, or will print, the JVM's warning about a dynamically loaded agent} */
    boolean warned() {
        return alreadyRunningOptions == null && javaFeature >= FIRST_WARNING_JAVA && !dynamicLoadingAllowed;
    }
}
