package dev.reload.patcher.diff;

import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.FieldShape;
import dev.reload.patcher.shape.NestMemberKind;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Compares what a class file says about the class itself: supertypes, modifiers, nest, record, sealing. */
final class TypeDiff {
    private TypeDiff() {
    }

    static void compare(ClassShape running, ClassShape updated, List<Change> changes) {
        if (!Objects.equals(running.superName(), updated.superName())) {
            changes.add(new TypeChange.SuperclassChanged(running.superName(), updated.superName()));
        }
        if (!running.interfaces().equals(updated.interfaces())) {
            changes.add(new TypeChange.InterfacesChanged(minus(updated.interfaces(), running.interfaces()),
                    minus(running.interfaces(), updated.interfaces())));
        }
        // Every flag counts, ACC_SUPER too: HotSpot compares the class's flags as they are.
        if (running.access() != updated.access()) {
            changes.add(givesAConstantABody(running.access(), updated.access())
                    ? new TypeChange.EnumConstantBodyGiven(minus(enumConstants(updated), enumConstants(running)))
                    : new TypeChange.ModifiersChanged(running.access(), updated.access()));
        }
        if (!Objects.equals(running.nestHost(), updated.nestHost())) {
            changes.add(new TypeChange.NestHostChanged(running.nestHost(), updated.nestHost()));
        }
        for (String member : minus(updated.nestMembers(), running.nestMembers())) {
            NestMemberKind kind = updated.nestMemberKind(member).orElse(NestMemberKind.NAMED);
            changes.add(new TypeChange.NestMemberChanged(member, kind, true));
        }
        for (String member : minus(running.nestMembers(), updated.nestMembers())) {
            NestMemberKind kind = running.nestMemberKind(member).orElse(NestMemberKind.NAMED);
            changes.add(new TypeChange.NestMemberChanged(member, kind, false));
        }
        if (!running.recordComponents().equals(updated.recordComponents())) {
            changes.add(new TypeChange.RecordComponentsChanged(running.recordComponents(), updated.recordComponents()));
        }
        // HotSpot compares NestMembers and PermittedSubclasses as sets: their order is free.
        if (!new HashSet<>(running.permittedSubclasses()).equals(new HashSet<>(updated.permittedSubclasses()))) {
            changes.add(new TypeChange.PermittedSubclassesChanged(
                    minus(updated.permittedSubclasses(), running.permittedSubclasses()),
                    minus(running.permittedSubclasses(), updated.permittedSubclasses())));
        }
    }

    private static List<String> enumConstants(ClassShape shape) {
        return shape.fields().stream().filter(field -> (field.access() & Opcodes.ACC_ENUM) != 0)
                .map(FieldShape::name).toList();
    }

    /** {@return true when a final enum became a non-final one, abstract or not, and nothing else changed} */
    private static boolean givesAConstantABody(int running, int updated) {
        int bodyFlags = Opcodes.ACC_FINAL | Opcodes.ACC_ABSTRACT;
        return (running & Opcodes.ACC_ENUM) != 0 && (running & Opcodes.ACC_FINAL) != 0
                && (updated & Opcodes.ACC_FINAL) == 0 && ((running ^ updated) & ~bodyFlags) == 0;
    }

    /** {@return the names in {@code from} that {@code other} lacks, in {@code from}'s order} */
    static List<String> minus(List<String> from, List<String> other) {
        List<String> rest = new ArrayList<>(from);
        rest.removeAll(other);
        return rest;
    }
}
