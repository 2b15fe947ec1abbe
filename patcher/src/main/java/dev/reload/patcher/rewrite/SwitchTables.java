package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.SyntheticNames;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.HashSet;
import java.util.Set;

/**
 * The Eclipse compiler keeps an enum switch's table in the switching class itself: a static field
 * {@code $SWITCH_TABLE$pkg$Enum}, filled on first use by a synthetic method of the same name. A version that
 * switches on an enum for the first time adds that field, which the running class has no room for. The
 * field only caches what the method computes, so the rewrite drops it: the method (moved like any new
 * method) reads null where it read the field, and so builds the table on every call, and forgets it where
 * it stored it. The switch then costs an array per call, in edited code only.
 */
final class SwitchTables {
    private SwitchTables() {
    }

    /** Drops from {@code next} the switch table fields {@code run} lacks, and turns their reads and writes into no cache. */
    static void uncacheAdded(ClassNode run, ClassNode next) {
        Set<String> added = new HashSet<>();
        for (FieldNode field : next.fields) {
            if (SyntheticNames.isSwitchTable(field.name) && (field.access & Opcodes.ACC_STATIC) != 0
                    && StructuralRewriter.runningField(run, field.name) == null) {
                added.add(field.name);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        next.fields.removeIf(field -> added.contains(field.name));
        for (MethodNode method : next.methods) {
            for (AbstractInsnNode insn : method.instructions.toArray()) {
                if (insn instanceof FieldInsnNode access && access.owner.equals(next.name)
                        && added.contains(access.name)) {
                    // null is assignable to the int[] the stack map frames expect; a store simply drops the table.
                    method.instructions.set(insn, new InsnNode(
                            access.getOpcode() == Opcodes.GETSTATIC ? Opcodes.ACONST_NULL : Opcodes.POP));
                }
            }
        }
    }
}
