package dev.reload.patcher.rewrite;

import java.util.Objects;

/**
 * Why an edit of one class cannot be applied, in words for the person who made it: the class, the member to blame,
 * the reason and what to do. Turned into text only where a report line is written ({@link #line()}).
 *
 * @param className the class's binary name, such as {@code demo.Player}, never null
 * @param member the member to blame in source words, such as {@code field added: int health}, or null when the
 *               class itself is to blame
 * @param reason why the running JVM cannot take the edit, never null
 * @param whatToDo what the person can do about it, such as {@link #RESTART}, or null when there is nothing to say
 */
public record Refusal(String className, String member, String reason, String whatToDo) {
    /** What to do when the running JVM cannot take an edit at all. */
    public static final String RESTART = "restart to apply";

    /** Checks that the class and the reason are given. */
    public Refusal {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * {@return the refusal as a report line says it}: {@code demo.Player: field added: int health — running objects
     * have no room for it; restart to apply}, or without a member {@code demo.Player: reason; what to do}
     */
    public String line() {
        return className + ": " + (member == null ? "" : member + " — ") + reason
                + (whatToDo == null ? "" : "; " + whatToDo);
    }

    /** {@return the same refusal, for the same class and member, with another reason and what to do} */
    public Refusal because(String otherReason, String otherWhatToDo) {
        return new Refusal(className, member, otherReason, otherWhatToDo);
    }
}
