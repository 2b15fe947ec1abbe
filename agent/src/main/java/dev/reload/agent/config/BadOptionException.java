package dev.reload.agent.config;

/**
 * Thrown when an agent option is unknown or has a value that cannot be used.
 * The message is one line a user can act on; it names the key.
 */
public final class BadOptionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key the option key as the user wrote it, never null
     * @param message what is wrong and what is expected, never null
     */
    public BadOptionException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** {@return the option key as the user wrote it} */
    public String key() {
        return key;
    }
}
