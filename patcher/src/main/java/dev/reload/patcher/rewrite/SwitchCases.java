package dev.reload.patcher.rewrite;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads, without running it, which case each enum constant takes in the switch tables a class file fills: javac's
 * switch map class ({@code $SwitchMap$pkg$Enum[Enum.C.ordinal()] = 3} in {@code Outer$N}'s static initializer),
 * kotlinc's {@code $WhenMappings} (the same stores into a local array, then {@code $EnumSwitchMapping$N} set to it)
 * and the Eclipse compiler's {@code $SWITCH_TABLE$pkg$Enum()} method (the same into a local, which it caches in the
 * field). The code cannot be run before a batch applies, as the enum it reads has no new constants yet; read this
 * way, a table can hold the new constants' cases from the moment they exist.
 */
public final class SwitchCases {
    /** Where the enum of a table still in a local is noted, before the field it goes to is known. */
    private static final String LOCAL_PREFIX = "local ";

    private SwitchCases() {
    }

    /**
     * {@return for each table field the class fills, by name, the case each constant of the enum takes, by the
     * constant's name}: empty when it fills none, and a table or constant the code fills in another way is missing
     *
     * @param classFile the class file, never null
     * @param enumInternalName the enum's internal name ({@code pkg/Mode}), never null
     */
    public static Map<String, Map<String, Integer>> of(byte[] classFile, String enumInternalName) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        Map<String, Map<String, Integer>> tables = new LinkedHashMap<>();
        for (MethodNode method : node.methods) {
            if ((method.access & Opcodes.ACC_STATIC) != 0) {
                read(method, node.name, enumInternalName, tables);
            }
        }
        return tables;
    }

    /**
     * {@return a method setting the switch map array {@code field} of a switch map class, as its static initializer
     * does: sized by the enum's {@code values()}, each constant's case stored at its ordinal}; null when the static
     * initializer fills it in another way. Without the static initializer's {@code try} around each store: the
     * constants it names are the ones the class file was compiled with.
     *
     * @param node the switch map class, never null; not modified
     * @param field the array's name, never null
     * @param name the method's name, never null
     */
    static MethodNode initializerOf(ClassNode node, String field, String name) {
        Map<String, Map<String, Integer>> tables = new LinkedHashMap<>();
        Map<String, String> enums = new LinkedHashMap<>();
        for (MethodNode method : node.methods) {
            if (method.name.equals("<clinit>")) {
                read(method, node.name, null, tables, enums);
            }
        }
        Map<String, Integer> cases = tables.get(field);
        String enumName = enums.get(field);
        if (cases == null || enumName == null) {
            return null;
        }
        MethodNode method = new MethodNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, name,
                "()V", null, null);
        InsnList code = method.instructions;
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, enumName, "values", "()[L" + enumName + ";", false));
        code.add(new InsnNode(Opcodes.ARRAYLENGTH));
        code.add(new IntInsnNode(Opcodes.NEWARRAY, Opcodes.T_INT));
        for (Map.Entry<String, Integer> each : cases.entrySet()) {
            code.add(new InsnNode(Opcodes.DUP));
            code.add(new FieldInsnNode(Opcodes.GETSTATIC, enumName, each.getKey(), "L" + enumName + ";"));
            code.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, enumName, "ordinal", "()I", false));
            code.add(new LdcInsnNode(each.getValue()));
            code.add(new InsnNode(Opcodes.IASTORE));
        }
        code.add(new FieldInsnNode(Opcodes.PUTSTATIC, node.name, field, "[I"));
        code.add(new InsnNode(Opcodes.RETURN));
        method.maxStack = 4; // the array, its copy, an ordinal, a case
        return method;
    }

    /** Adds the tables one method fills, following each store from the array it stores into. */
    private static void read(MethodNode method, String owner, String enumInternalName,
                             Map<String, Map<String, Integer>> tables) {
        read(method, owner, enumInternalName, tables, new LinkedHashMap<>());
    }

    /**
     * Adds the tables one method fills, following each store from the array it stores into.
     *
     * @param enumInternalName the enum whose tables to read, or null for every enum's
     * @param enums where the enum of each table found goes, by table
     */
    private static void read(MethodNode method, String owner, String enumInternalName,
                             Map<String, Map<String, Integer>> tables, Map<String, String> enums) {
        Map<Integer, Map<String, Integer>> byLocal = new HashMap<>();
        AbstractInsnNode[] code = instructions(method);
        for (int i = 0; i < code.length; i++) {
            if (code[i].getOpcode() == Opcodes.IASTORE && i >= 4) {
                store(code, i, owner, enumInternalName, tables, byLocal, enums);
            } else if (code[i] instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD) {
                String field = tableSetFrom(code, i + 1, owner);
                Map<String, Integer> filled = field == null ? null : byLocal.remove(load.var);
                if (filled != null) {
                    tables.computeIfAbsent(field, name -> new LinkedHashMap<>()).putAll(filled);
                    String enumName = enums.remove(LOCAL_PREFIX + load.var);
                    if (enumName != null) {
                        enums.put(field, enumName);
                    }
                }
            }
        }
    }

    /** Notes one {@code table[Enum.C.ordinal()] = n} ending at {@code code[at]}, into a field's table or a local's. */
    private static void store(AbstractInsnNode[] code, int at, String owner, String enumInternalName,
                              Map<String, Map<String, Integer>> tables, Map<Integer, Map<String, Integer>> byLocal,
                              Map<String, String> enums) {
        Integer caseNumber = intConstant(code[at - 1]);
        if (caseNumber == null || !(code[at - 2] instanceof MethodInsnNode ordinal)
                || !ordinal.name.equals("ordinal") || !ordinal.desc.equals("()I")
                || !(code[at - 3] instanceof FieldInsnNode constant) || constant.getOpcode() != Opcodes.GETSTATIC
                || !constant.owner.equals(ordinal.owner) || !constant.desc.equals("L" + ordinal.owner + ";")
                || (enumInternalName != null && !ordinal.owner.equals(enumInternalName))) {
            return;
        }
        AbstractInsnNode array = code[at - 4];
        if (array instanceof FieldInsnNode field && field.getOpcode() == Opcodes.GETSTATIC
                && field.owner.equals(owner) && field.desc.equals("[I")) {
            tables.computeIfAbsent(field.name, name -> new LinkedHashMap<>()).put(constant.name, caseNumber);
            enums.put(field.name, ordinal.owner);
        } else if (array instanceof VarInsnNode local && local.getOpcode() == Opcodes.ALOAD) {
            byLocal.computeIfAbsent(local.var, var -> new LinkedHashMap<>()).put(constant.name, caseNumber);
            enums.put(LOCAL_PREFIX + local.var, ordinal.owner);
        }
    }

    /** {@return the table field that the local just loaded is stored into ({@code dup} allowed), or null} */
    private static String tableSetFrom(AbstractInsnNode[] code, int at, String owner) {
        int next = at < code.length && code[at].getOpcode() == Opcodes.DUP ? at + 1 : at;
        return next < code.length && code[next] instanceof FieldInsnNode field
                && field.getOpcode() == Opcodes.PUTSTATIC && field.owner.equals(owner) && field.desc.equals("[I")
                ? field.name : null;
    }

    /** {@return the method's instructions, without the labels, line numbers and frames between them} */
    private static AbstractInsnNode[] instructions(MethodNode method) {
        List<AbstractInsnNode> code = new ArrayList<>(method.instructions.size());
        for (AbstractInsnNode insn : method.instructions) {
            if (insn.getOpcode() >= 0) {
                code.add(insn);
            }
        }
        return code.toArray(new AbstractInsnNode[0]);
    }

    /** {@return the int an instruction pushes, or null when it pushes none} */
    private static Integer intConstant(AbstractInsnNode insn) {
        int opcode = insn.getOpcode();
        if (opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5) {
            return opcode - Opcodes.ICONST_0;
        }
        if (insn instanceof IntInsnNode push && (opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH)) {
            return push.operand;
        }
        return insn instanceof LdcInsnNode ldc && ldc.cst instanceof Integer value ? value : null;
    }
}
