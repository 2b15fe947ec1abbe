package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.SyntheticNames;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A switch map class holds, for each enum a class switches on, an array from the constants' ordinals to the
 * switch's cases: javac's {@code Outer$N} with {@code $SwitchMap$pkg$Enum}, kotlinc's {@code Outer$WhenMappings}
 * with {@code $EnumSwitchMapping$N}. Its static initializer sizes each array by the enum's {@code values()} and
 * fills it, skipping constants it cannot find; it does nothing else. When it changed (a case added for a new
 * constant), the value class gets copies of its fields and of its static initializer, which sets them: the JVM
 * runs that copy once, when the value class is first used, and each value method returns one copied field.
 */
final class SwitchMapCopy {
    private SwitchMapCopy() {
    }

    /** {@return whether every field of {@code node} is a static switch map array, and there is one at least} */
    static boolean isSwitchMapClass(ClassNode node) {
        if (node.fields.isEmpty() || (node.version & 0xFFFF) < Opcodes.V1_7) {
            return false; // older class files carry no stack map frames, which the copy's version needs
        }
        for (FieldNode field : node.fields) {
            boolean named = field.name.startsWith(SyntheticNames.SWITCH_MAP_PREFIX)
                    || field.name.startsWith(SyntheticNames.KOTLIN_SWITCH_MAPPING_PREFIX);
            if (!named || (field.access & Opcodes.ACC_STATIC) == 0 || !field.desc.equals("[I")) {
                return false;
            }
        }
        return true;
    }

    /** Adds to {@code values} a copy of each field of {@code switchMaps} and a static initializer that sets them. */
    static void addTo(ClassNode values, ClassNode switchMaps) {
        for (FieldNode field : switchMaps.fields) {
            values.fields.add(new FieldNode(Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, field.name, field.desc, null,
                    null));
        }
        MethodNode clinit = switchMaps.methods.stream().filter(m -> m.name.equals("<clinit>")).findFirst()
                .orElseThrow();
        MethodNode copy = new MethodNode(clinit.access, clinit.name, clinit.desc, null, null);
        clinit.accept(copy);
        for (AbstractInsnNode insn : copy.instructions) {
            if (insn instanceof FieldInsnNode access && access.owner.equals(switchMaps.name)) {
                access.owner = values.name;
            }
        }
        values.methods.add(copy);
    }
}
