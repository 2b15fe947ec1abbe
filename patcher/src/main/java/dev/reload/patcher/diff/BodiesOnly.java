package dev.reload.patcher.diff;

import dev.reload.patcher.rewrite.RuntimeNames;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.MethodShape;
import dev.reload.patcher.shape.SyntheticNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The everyday edit judged without the full comparison: a new version that declares exactly what the running
 * class declares (but for what the agent added at load: the accessor and spare nest members) and differs in
 * method bodies only. Compares symbol ids instead of strings, so a batch of a thousand such classes costs
 * little. Gives the very changes, in the very order, that the full comparison of {@link ClassDiff} gives;
 * anything it does not cover it leaves to that comparison.
 */
final class BodiesOnly {
    private BodiesOnly() {
    }

    /**
     * {@return the changes of {@code updated} against {@code running}, or empty when the new version is not
     * covered here (its declarations differ, or it has lambda bodies or ECJ switch tables, which are matched by
     * content) and needs the full comparison}
     */
    static Optional<List<Change>> changes(ClassShape running, ClassShape updated) {
        if (!updated.declaresPrefixOf(running) || !onlyLoadTimeMembersAfter(running, updated)) {
            return Optional.empty();
        }
        String owner = updated.internalName();
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < updated.methodCount(); i++) {
            String name = updated.methodName(i);
            if (SyntheticNames.isLambda(name) || SyntheticNames.isSwitchTable(name)) {
                return Optional.empty();
            }
            // Names, descriptors and flags are the same (declaresPrefixOf): an unchanged method has nothing to compare.
            if (!updated.sameMethodAt(i, running)) {
                MethodDiff.compare(owner, running.method(i), updated.method(i), changes);
            }
        }
        return Optional.of(changes);
    }

    /**
     * {@return true when what {@code running} declares beyond {@code updated} is what the agent adds at load,
     * and {@code updated} lists no spare nest member as a class of its own}
     */
    private static boolean onlyLoadTimeMembersAfter(ClassShape running, ClassShape updated) {
        int extraMethods = running.methodCount() - updated.methodCount();
        int extraNestMembers = running.nestMemberCount() - updated.nestMemberCount();
        if (extraMethods == 0 && extraNestMembers == 0) {
            return !prepared(running) || noneSpare(running, updated);
        }
        if (extraMethods > 1 || !prepared(running)) {
            return false;
        }
        if (extraMethods == 1 && !isAccessor(running.method(updated.methodCount()))) {
            return false;
        }
        for (int i = updated.nestMemberCount(); i < running.nestMemberCount(); i++) {
            if (!LoadTimeMembers.isSpareAt(running, i)) {
                return false;
            }
        }
        return noneSpare(running, updated);
    }

    private static boolean noneSpare(ClassShape running, ClassShape updated) {
        for (int i = 0; i < updated.nestMemberCount(); i++) {
            if (LoadTimeMembers.isSpare(running, updated.nestMember(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean prepared(ClassShape running) {
        return running.method(RuntimeNames.ACCESSOR_NAME, RuntimeNames.ACCESSOR_DESCRIPTOR).isPresent();
    }

    private static boolean isAccessor(MethodShape method) {
        return method.name().equals(RuntimeNames.ACCESSOR_NAME)
                && method.descriptor().equals(RuntimeNames.ACCESSOR_DESCRIPTOR);
    }
}
