package dev.reload.agent.reload;

import java.util.List;

/**
 * A batch cannot be applied because one of its classes' edits cannot be made on the running JVM: nothing was
 * applied. Carries the reasons, one line each naming the class, the member and why.
 */
final class RewriteRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // a List.copyOf list, which is serializable
    private final List<String> reasons;

    /** @param reasons one line per reason, never null or empty */
    RewriteRefusedException(List<String> reasons) {
        super(String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    /** {@return the reasons, one line each, never empty} */
    List<String> reasons() {
        return reasons;
    }
}
