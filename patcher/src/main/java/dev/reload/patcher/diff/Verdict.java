package dev.reload.patcher.diff;

import dev.reload.patcher.rewrite.Refusal;

import java.util.List;
import java.util.Objects;

/**
 * What changed in one class and whether the running JVM can take it.
 *
 * @param className the class's binary name, such as {@code demo.Player}, never null
 * @param kind the verdict, never null
 * @param changes every change found, in class-file order (class, fields, methods), never null
 * @param refusals for NEEDS_REWRITE and REJECTED one per change that needs more than a body swap, such as
 *        {@code demo.Player: field added: int health — running objects have no room for it; restart to apply};
 *        empty otherwise, never null
 * @param changedMethods simple names of the methods whose source changed, in class-file order, each once,
 *        for report lines such as {@code demo.Player (update, render)}; never null
 */
public record Verdict(String className, Kind kind, List<Change> changes, List<Refusal> refusals,
                      List<String> changedMethods) {
    /** How much the running JVM needs to take a change; later constants need more. */
    public enum Kind {
        /** Nothing that matters changed; there is nothing to apply. */
        UNCHANGED,
        /** Method bodies (or debug information) changed only: {@code redefineClasses} takes the new bytes as they are. */
        REDEFINABLE,
        /** Members or nest members were added, removed or changed: a rewrite of the new bytes could make them acceptable. */
        NEEDS_REWRITE,
        /** The class changed in a way no rewrite can carry into running objects (supertypes, record components, ...). */
        REJECTED
    }

    /** Copies the lists, so a verdict stays immutable. */
    public Verdict {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(kind, "kind");
        changes = List.copyOf(changes);
        refusals = List.copyOf(refusals);
        changedMethods = List.copyOf(changedMethods);
    }

    /** {@return whether the new bytes can be given to {@code redefineClasses} as they are: UNCHANGED or REDEFINABLE} */
    public boolean redefinable() {
        return kind.compareTo(Kind.REDEFINABLE) <= 0;
    }
}
