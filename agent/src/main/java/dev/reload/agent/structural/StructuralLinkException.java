package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.Refusal;

/**
 * The JVM refused a step of applying a structural edit (getting the class's lookup, defining its companion or
 * bridges): the class keeps running its old code. Carries the class and the reason.
 */
public final class StructuralLinkException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String className;
    private final String reason;

    /**
     * @param className binary name of the class, never null
     * @param reason what failed, in words, never null
     * @param cause the JVM's error, or null
     */
    public StructuralLinkException(String className, String reason, Throwable cause) {
        super(className + ": " + reason + (cause == null ? "" : " (" + cause + ")"), cause);
        this.className = className;
        this.reason = reason;
    }

    /** {@return the binary name of the class, never null} */
    public String className() {
        return className;
    }

    /** {@return the refusal this failure makes of the batch, as its message says it, never null} */
    public Refusal refusal() {
        Throwable cause = getCause();
        return new Refusal(className, null, reason + (cause == null ? "" : " (" + cause + ")"), null);
    }

    /** {@return what failed, never null} */
    public String reason() {
        return reason;
    }
}
