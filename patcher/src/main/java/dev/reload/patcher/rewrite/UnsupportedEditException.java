package dev.reload.patcher.rewrite;

/**
 * An edit the stock-JVM rewrite cannot apply: the running class keeps its old code. Carries the class, the
 * member (when one is to blame) and the reason, in words for the person who made the edit.
 */
public final class UnsupportedEditException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String className;
    private final String member;
    private final String reason;

    /**
     * @param className binary name of the class, never null
     * @param member the member to blame, such as {@code int health} or {@code update()}, or null for the class itself
     * @param reason why it cannot be applied, never null
     */
    public UnsupportedEditException(String className, String member, String reason) {
        super(className + (member == null ? "" : ": " + member) + " — " + reason + "; restart to apply");
        this.className = className;
        this.member = member;
        this.reason = reason;
    }

    /** {@return the binary name of the class, never null} */
    public String className() {
        return className;
    }

    /** {@return the member to blame, or null when the class itself is} */
    public String member() {
        return member;
    }

    /** {@return why the edit cannot be applied, never null} */
    public String reason() {
        return reason;
    }
}
