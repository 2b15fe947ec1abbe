package dev.reload.patcher.diff;

import dev.reload.patcher.rewrite.RuntimeNames;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.NestMemberKind;
import dev.reload.patcher.shape.SyntheticNames;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what the agent adds to a watched class as it loads out of the verdict, so that a new class file is
 * judged against the class as its developer wrote it: the accessor {@link RuntimeNames#ACCESSOR_NAME} is no
 * method the new file removed, and a spare {@code Outer$N} nest member is no nested class it removed. A spare
 * that the new file lists as a real anonymous class or switch map is that class added.
 */
final class LoadTimeMembers {
    private LoadTimeMembers() {
    }

    static List<Change> withoutAugmentation(ClassShape running, ClassShape updated, List<Change> changes) {
        if (running.method(RuntimeNames.ACCESSOR_NAME, RuntimeNames.ACCESSOR_DESCRIPTOR).isEmpty()) {
            return changes;
        }
        List<Change> kept = new ArrayList<>();
        for (Change change : changes) {
            if (!isAccessorRemoved(change) && !isSpareRemoved(running, change)) {
                kept.add(change);
            }
        }
        for (String member : updated.nestMembers()) {
            if (isSpare(running, member)) {
                NestMemberKind kind = updated.nestMemberKind(member).orElse(NestMemberKind.NAMED);
                kept.add(new TypeChange.NestMemberChanged(member, kind, true));
            }
        }
        return kept;
    }

    private static boolean isAccessorRemoved(Change change) {
        return change instanceof MethodChange.Removed removed && removed.name().equals(RuntimeNames.ACCESSOR_NAME)
                && removed.descriptor().equals(RuntimeNames.ACCESSOR_DESCRIPTOR);
    }

    private static boolean isSpareRemoved(ClassShape running, Change change) {
        return change instanceof TypeChange.NestMemberChanged nest && !nest.added() && isSpare(running, nest.member());
    }

    /**
     * {@return true when the running class lists {@code member} as a spare: named {@code Outer$N} and unknown to
     * its {@code InnerClasses}, which every compiler fills for the anonymous classes and switch maps it writes}
     */
    static boolean isSpare(ClassShape running, String member) {
        return SyntheticNames.isNumberedMember(running.internalName(), member) && running.nestMemberKind(member).orElse(null) == NestMemberKind.NAMED;
    }

    /** {@return true when the running class's nest member at {@code index} is a spare, as {@link #isSpare} tells} */
    static boolean isSpareAt(ClassShape running, int index) {
        return running.nestMemberKind(index) == NestMemberKind.NAMED
                && SyntheticNames.isNumberedMember(running.internalName(), running.nestMember(index));
    }
}
