package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes the initializers of added static fields out of the new static initializer, each as a method of its own
 * that runs it once: the statement that ends with the field's {@code PUTSTATIC}, from the point where the operand
 * stack was empty and the previous statement had ended. Its branches ({@code a ? b : c}, a {@code switch}
 * expression) come along when they stay inside it, and its local variables when no earlier statement left one
 * alive. An initializer inside a {@code try} block, that sets another static field or that reads a local variable of
 * an earlier statement cannot be told apart from the rest of the static initializer safely, and is not taken.
 */
final class FieldInitializers {
    private FieldInitializers() {
    }

    /**
     * {@return the methods running the initializers of added static fields, by the {@link AddedField#key()} of
     * their field, in the static initializer's order; null for a field the static initializer sets in a way that
     * cannot be taken out}
     *
     * @param next the new version, never null; not modified
     * @param added the fields it adds, never null
     */
    static Map<MemberKey, MethodNode> extract(ClassNode next, List<AddedField> added) {
        MethodNode clinit = initializer(next);
        Map<MemberKey, MethodNode> methods = new LinkedHashMap<>();
        if (clinit == null || !anyStatic(added)) {
            return methods;
        }
        Frame<BasicValue>[] frames;
        try {
            frames = new Analyzer<>(new BasicInterpreter()).analyze(next.name, clinit);
        } catch (AnalyzerException e) {
            return methods;
        }
        InitializerSlice slices = new InitializerSlice(clinit, frames);
        AbstractInsnNode[] insns = clinit.instructions.toArray();
        boolean switchMaps = SwitchMapCopy.isSwitchMapClass(next);
        for (int p = 0; p < insns.length; p++) {
            if (insns[p] instanceof FieldInsnNode put && put.getOpcode() == Opcodes.PUTSTATIC
                    && put.owner.equals(next.name) && isAddedStatic(added, put)) {
                MemberKey key = new MemberKey(put.name, put.desc);
                if (switchMaps) {
                    // Its cases are stored after the put, each in a try block: built by a method of its own.
                    methods.put(key, SwitchCases.initializerOf(next, put.name,
                            RuntimeNames.FIELD_INITIALIZER_PREFIX + put.name));
                    continue;
                }
                int start = methods.containsKey(key) ? -1 : slices.startOf(p);
                methods.put(key, start >= 0 ? copy(clinit, insns, start, p, put.name) : null);
            }
        }
        return methods;
    }

    // Loops, not streams: the first structural edit runs these, and each lambda would spin a class.
    private static MethodNode initializer(ClassNode next) {
        for (MethodNode method : next.methods) {
            if (method.name.equals("<clinit>")) {
                return method;
            }
        }
        return null;
    }

    private static boolean anyStatic(List<AddedField> added) {
        for (AddedField field : added) {
            if (field.isStatic()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAddedStatic(List<AddedField> added, FieldInsnNode put) {
        for (AddedField f : added) {
            if (f.isStatic() && f.name().equals(put.name) && f.descriptor().equals(put.desc)) {
                return true;
            }
        }
        return false;
    }

    private static MethodNode copy(MethodNode clinit, AbstractInsnNode[] insns, int start, int end, String field) {
        MethodNode method = new MethodNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                RuntimeNames.FIELD_INITIALIZER_PREFIX + field, "()V", null, null);
        copyInto(method, clinit, insns, start, end);
        method.instructions.add(new InsnNode(Opcodes.RETURN));
        return method;
    }

    /**
     * Copies the slice {@code start..end} of the static initializer into {@code method}, its labels renewed, with
     * the static initializer's maximum stack and, when the slice has locals, its maximum locals.
     */
    static void copyInto(MethodNode method, MethodNode clinit, AbstractInsnNode[] insns, int start, int end) {
        Map<LabelNode, LabelNode> labels = new HashMap<>();
        for (int i = start; i <= end; i++) {
            if (insns[i] instanceof LabelNode label) {
                labels.put(label, new LabelNode());
            }
        }
        boolean usesLocals = false;
        for (int i = start; i <= end; i++) {
            AbstractInsnNode insn = insns[i];
            usesLocals |= insn instanceof VarInsnNode || insn instanceof IincInsnNode;
            if (!(insn instanceof LineNumberNode line) || labels.containsKey(line.start)) {
                method.instructions.add(insn.clone(labels));
            }
        }
        method.maxStack = clinit.maxStack;
        // The slice's locals are its own (none was alive where it starts), in the slots the static initializer gave.
        method.maxLocals = usesLocals ? clinit.maxLocals : 0;
    }
}
