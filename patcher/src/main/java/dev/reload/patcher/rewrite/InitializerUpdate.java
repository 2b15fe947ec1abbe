package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;

import java.util.List;
import java.util.Map;

/**
 * The static fields of a new version whose initializer differs from the one that runs, and how to get their new
 * values.
 *
 * @param internalName the class's internal name, never null
 * @param valueClass a class file to define as a hidden nestmate of the class: for each changed field, a static
 *                   no-argument method named {@link StaticInitializers#VALUE_PREFIX} and the field's name, returning
 *                   the field's type, that runs its new initializer and returns the value; null when none changed
 * @param changed the fields whose new initializer the value class runs, in the static initializer's order
 * @param added those of {@code changed} that the running version does not declare: fields this version adds, whose
 *              initializers run among the changed ones, in the static initializer's order, so that each reads what
 *              the initializers before it gave, as the new static initializer would; the rest of the fields a
 *              version adds are left to the engine
 * @param inseparable the fields whose initializer changed in code that cannot be taken apart from the rest of the
 *                    static initializer (a {@code try} block, a local of an earlier statement, a field set twice)
 * @param fingerprints the new version's fingerprints ({@link StaticInitializers#fingerprints}), to compare the next
 *                     version against once this one runs; never null
 */
public record InitializerUpdate(String internalName, byte[] valueClass, List<MemberKey> changed, List<MemberKey> added,
                                List<MemberKey> inseparable, Map<MemberKey, Long> fingerprints) {
    /** Copies the collections; the array is handed over as it is. */
    public InitializerUpdate {
        changed = List.copyOf(changed);
        added = List.copyOf(added);
        inseparable = List.copyOf(inseparable);
        fingerprints = Map.copyOf(fingerprints);
    }

    /** {@return true when no field gets a new value and none is named as not taken apart} */
    public boolean isEmpty() {
        return changed.isEmpty() && inseparable.isEmpty();
    }

    /** {@return the internal name the value class's file declares} */
    public String valueClassName() {
        return internalName + StaticInitializers.VALUES_SUFFIX;
    }
}
