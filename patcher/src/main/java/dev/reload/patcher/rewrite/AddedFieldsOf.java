package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Finds the fields a new version adds, and refuses those its constructors write where storage cannot be reached. */
final class AddedFieldsOf {
    private AddedFieldsOf() {
    }

    /**
     * {@return the fields {@code next} declares and {@code run} lacks, in declaration order}: a field whose type
     * changed is one, under its new type
     */
    static List<AddedField> find(ClassNode run, ClassNode next) {
        List<AddedField> added = new ArrayList<>();
        for (FieldNode field : next.fields) {
            FieldNode running = StructuralRewriter.runningField(run, field.name);
            if (running == null || !running.desc.equals(field.desc)) {
                added.add(new AddedField(field.name, field.desc, (field.access & Opcodes.ACC_STATIC) != 0,
                        field.value, (field.access & Opcodes.ACC_VOLATILE) != 0));
            }
        }
        return added;
    }

    /**
     * Refuses a constructor that writes an added instance field before it calls the superclass constructor (Java
     * 25's flexible constructor bodies allow it): the object cannot be passed to the storage before that call.
     */
    static void checkConstructors(ClassNode next, Set<MemberKey> addedKeys, String binaryName)
            throws UnsupportedEditException {
        if (addedKeys.isEmpty()) {
            return;
        }
        for (MethodNode method : next.methods) {
            if (!method.name.equals("<init>")) {
                continue;
            }
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKESPECIAL
                        && call.name.equals("<init>")
                        && (call.owner.equals(next.superName) || call.owner.equals(next.name))) {
                    break;
                }
                if (insn instanceof FieldInsnNode access && access.getOpcode() == Opcodes.PUTFIELD
                        && access.owner.equals(next.name) && addedKeys.contains(new MemberKey(access.name, access.desc))) {
                    throw new UnsupportedEditException(binaryName, "field added: " + access.name,
                            "a constructor sets it before calling the superclass constructor, where an added field"
                                    + " cannot be reached yet");
                }
            }
        }
    }
}
