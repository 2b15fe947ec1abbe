package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.InheritedImplementation;
import dev.reload.patcher.shape.MemberKey;

import java.util.List;
import java.util.Set;

/**
 * What the classes of a batch showed loading classes before {@link StructuralEngine#publish} showed them the batch's
 * moved methods, added fields and implementations of inherited abstract methods: {@link StructuralEngine#withdraw}
 * puts it back when the JVM refuses the batch.
 */
public final class PublishedBatch {
    private final List<Earlier> earlier;
    private final List<PreparedRewrite> batch;

    PublishedBatch(List<Earlier> earlier) {
        this(earlier, List.of());
    }

    private PublishedBatch(List<Earlier> earlier, List<PreparedRewrite> batch) {
        this.earlier = List.copyOf(earlier);
        this.batch = List.copyOf(batch);
    }

    /** {@return the same records, of the batch published} */
    PublishedBatch of(List<PreparedRewrite> published) {
        return new PublishedBatch(earlier, published);
    }

    /** {@return the batch published} */
    List<PreparedRewrite> batch() {
        return batch;
    }

    /** {@return each class's records before the batch, in the batch's order} */
    List<Earlier> earlier() {
        return earlier;
    }

    /**
     * One class's records before the batch, each null when it had none (the implementations empty).
     *
     * @param type the class, never null
     * @param internalName the class's internal name, never null
     * @param moved the moved and widened methods calls link to, and the added fields
     * @param widened the protected methods made public
     * @param overridable the moved methods its running version declares that overrides can reach
     * @param seenByLoader what classes of its loader saw of it
     * @param implementations the implementations of inherited abstract methods it gave subclasses loading later
     */
    record Earlier(Class<?> type, String internalName, Set<MemberKey> moved, Set<MemberKey> widened,
                   Set<MemberKey> overridable, Set<MemberKey> seenByLoader,
                   List<InheritedImplementation> implementations) {
    }
}
