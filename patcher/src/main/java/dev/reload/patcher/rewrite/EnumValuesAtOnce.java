package dev.reload.patcher.rewrite;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

import java.util.List;

/**
 * Makes an enum whose constants an edit changes list them in {@code values()} from the moment the new version runs.
 * The running enum keeps its array of constants ({@code $VALUES}) until the agent gives it its new value, after the
 * redefinition; meanwhile a constant added is made at its first use, with an ordinal past the array's end. Code
 * sized by {@code values()} then indexed by that ordinal (a switch map class new in the same save fills its table
 * that way, in its static initializer) threw {@code ArrayIndexOutOfBoundsException}, and a class whose initializer
 * threw stays unusable. So the new {@code values()} first checks the array's length against the new number of
 * constants, and while they differ returns the new constants, each read as any code reads it. Once the array is
 * given its new value, the check costs {@code values()} one comparison.
 */
final class EnumValuesAtOnce {
    private static final int CHECK_STACK = 4; // the array being filled, a copy, an index, a constant

    private EnumValuesAtOnce() {
    }

    /** Gives {@code next}'s {@code values()} the check, when the constants of {@code run} and {@code next} differ. */
    static void addTo(ClassNode run, ClassNode next) {
        List<String> constants = EnumConstants.names(next);
        if ((next.access & Opcodes.ACC_ENUM) == 0 || constants.equals(EnumConstants.names(run))) {
            return;
        }
        String arrayDescriptor = "[L" + next.name + ";";
        FieldNode array = constantsArray(next, arrayDescriptor);
        MethodNode values = valuesMethod(next, arrayDescriptor);
        if (array == null || values == null) {
            return;
        }
        LabelNode listNew = new LabelNode();
        InsnList check = new InsnList();
        check.add(new FieldInsnNode(Opcodes.GETSTATIC, next.name, array.name, array.desc));
        check.add(new InsnNode(Opcodes.ARRAYLENGTH));
        check.add(intConstant(constants.size()));
        check.add(new JumpInsnNode(Opcodes.IF_ICMPNE, listNew));
        values.instructions.insert(check);
        values.instructions.add(listNew);
        values.instructions.add(new FrameNode(Opcodes.F_FULL, 0, new Object[0], 0, new Object[0]));
        values.instructions.add(intConstant(constants.size()));
        values.instructions.add(new TypeInsnNode(Opcodes.ANEWARRAY, next.name));
        for (int ordinal = 0; ordinal < constants.size(); ordinal++) {
            values.instructions.add(new InsnNode(Opcodes.DUP));
            values.instructions.add(intConstant(ordinal));
            values.instructions.add(new FieldInsnNode(Opcodes.GETSTATIC, next.name, constants.get(ordinal),
                    "L" + next.name + ";"));
            values.instructions.add(new InsnNode(Opcodes.AASTORE));
        }
        values.instructions.add(new InsnNode(Opcodes.ARETURN));
        values.maxStack = Math.max(values.maxStack, CHECK_STACK);
    }

    private static FieldNode constantsArray(ClassNode node, String arrayDescriptor) {
        for (FieldNode field : node.fields) {
            if (field.desc.equals(arrayDescriptor) && EnumConstants.listsConstants(node, field)) {
                return field;
            }
        }
        return null;
    }

    private static MethodNode valuesMethod(ClassNode node, String arrayDescriptor) {
        for (MethodNode method : node.methods) {
            if (method.name.equals("values") && method.desc.equals("()" + arrayDescriptor)
                    && (method.access & Opcodes.ACC_STATIC) != 0 && method.instructions.size() > 0) {
                return method;
            }
        }
        return null;
    }

    private static AbstractInsnNode intConstant(int value) {
        if (value <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + value);
        }
        if (value <= Short.MAX_VALUE) {
            return new IntInsnNode(value <= Byte.MAX_VALUE ? Opcodes.BIPUSH : Opcodes.SIPUSH, value);
        }
        return new LdcInsnNode(value);
    }
}
