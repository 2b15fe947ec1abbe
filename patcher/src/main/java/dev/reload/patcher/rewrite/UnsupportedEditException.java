package dev.reload.patcher.rewrite;

/**
 * An edit the stock-JVM rewrite cannot apply: the running class keeps its old code. Carries the class, the
 * member (when one is to blame) and the reason, in words for the person who made the edit.
 */
public final class UnsupportedEditException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Refusal refusal;

    /**
     * @param className binary name of the class, never null
     * @param member the member to blame, such as {@code int health} or {@code update()}, or null for the class itself
     * @param reason why it cannot be applied, never null
     */
    public UnsupportedEditException(String className, String member, String reason) {
        this(new Refusal(className, member, reason, Refusal.RESTART));
    }

    /**
     * Makes the exception of a refusal that says what to do in its own words.
     *
     * @param refusal the class, the member, the reason and what to do, never null
     */
    public UnsupportedEditException(Refusal refusal) {
        super(refusal.line());
        this.refusal = refusal;
    }

    /** {@return the class, the member, the reason and what to do, never null} */
    public Refusal refusal() {
        return refusal;
    }
}
