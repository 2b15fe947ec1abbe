package dev.reload.agent.attach;

/**
 * Thrown when the agent cannot be loaded into a running JVM. The message is one line saying why and what to do.
 */
public final class AttachFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long pid;

    /**
     * @param pid the process the agent was to be loaded into
     * @param message why it could not be, and what to do, on one line, never null
     */
    public AttachFailedException(long pid, String message) {
        super(message);
        this.pid = pid;
    }

    /** {@return the process the agent was to be loaded into} */
    public long pid() {
        return pid;
    }
}
