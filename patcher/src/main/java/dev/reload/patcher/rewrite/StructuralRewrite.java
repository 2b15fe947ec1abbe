package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a structural edit of one class becomes on a stock JVM.
 *
 * @param internalName the class's internal name, never null
 * @param target the class file to redefine the running class with: exactly the running class's declared
 *               members, new bodies, calls to moved methods linked through the runtime; never null
 * @param companion the class file of the companion to define as a hidden nestmate of the class, holding the
 *                  moved methods as static methods; null when nothing is moved
 * @param moved the methods the companion holds: the moved ones in the new version's order, then those a reload
 *              added before and the new version drops, carried with their last bodies; empty when none
 * @param dropped the keys of those carried ones: the new version declares none of them, so they override nothing
 *                and nothing overrides them; empty when none
 * @param addedFields the fields the running class lacks, which live in the runtime's storage, in the new version's
 *                    order; empty when none
 * @param initializedFields the keys of the added static fields whose initializer the companion can run once, each
 *                          as a static no-argument method named {@link RuntimeNames#FIELD_INITIALIZER_PREFIX} and the
 *                          field's name, in the static initializer's order; empty when none
 * @param inseparableFields the keys of the added static fields the new static initializer sets in code that cannot
 *                          be taken apart from the rest (branches, local variables, {@code try}); empty when none
 * @param lambdaHashes the code hashes of the new version's lambda bodies by their keys (name and descriptor)
 *                     after matching, to pass to the next rewrite of the class; never null
 */
public record StructuralRewrite(String internalName, byte[] target, byte[] companion, List<AddedMethod> moved,
                                Set<MemberKey> dropped, List<AddedField> addedFields, List<MemberKey> initializedFields,
                                List<MemberKey> inseparableFields,
                                Map<MemberKey, Long> lambdaHashes) {
    /** Copies the collections; the arrays are handed over as they are. */
    public StructuralRewrite {
        moved = List.copyOf(moved);
        dropped = Set.copyOf(dropped);
        addedFields = List.copyOf(addedFields);
        initializedFields = List.copyOf(initializedFields);
        inseparableFields = List.copyOf(inseparableFields);
        lambdaHashes = Map.copyOf(lambdaHashes);
    }

    /** {@return the moved methods the new version declares, in its order: {@link #moved()} without the dropped ones} */
    public List<AddedMethod> declaredMoved() {
        List<AddedMethod> declared = new ArrayList<>();
        for (AddedMethod method : moved) {
            if (!dropped.contains(method.key())) {
                declared.add(method);
            }
        }
        return List.copyOf(declared);
    }

    /** {@return what this rewrite leaves running, for the next rewrite of the class to build on} */
    public LastRewrite leftRunning() {
        return new LastRewrite(lambdaHashes, companion, moved);
    }

    /** {@return the internal name the companion's class file declares (the JVM appends a suffix when it defines it)} */
    public String companionInternalName() {
        return internalName + RuntimeNames.COMPANION_SUFFIX;
    }
}
