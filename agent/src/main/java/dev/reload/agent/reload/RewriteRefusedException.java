package dev.reload.agent.reload;

import dev.reload.patcher.rewrite.Refusal;

import java.util.List;

/**
 * A batch cannot be applied because one of its classes' edits cannot be made on the running JVM: nothing was
 * applied. Carries the refusals, each naming the class, the member, why and what to do.
 */
final class RewriteRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Refusal> refusals;

    /** @param refusal why the batch cannot be applied, never null */
    RewriteRefusedException(Refusal refusal) {
        super(refusal.line());
        this.refusals = List.of(refusal);
    }

    /** {@return why the batch cannot be applied, never empty} */
    List<Refusal> refusals() {
        return refusals;
    }
}
