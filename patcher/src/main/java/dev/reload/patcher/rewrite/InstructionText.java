package dev.reload.patcher.rewrite;

import org.objectweb.asm.Handle;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hashes a run of instructions as text: opcodes and their operands, labels by the order they appear in, without
 * line numbers and frames. The same code read from two class files (the compiler's, or the one the JVM rebuilds
 * from what it runs, whose constant pool is laid out anew) gives the same hash.
 */
final class InstructionText {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private InstructionText() {
    }

    /** {@return the hash of the instructions {@code from} to {@code to}, both included} */
    static long hash(AbstractInsnNode[] insns, int from, int to) {
        Map<LabelNode, Integer> labels = new HashMap<>();
        StringBuilder text = new StringBuilder();
        for (int i = from; i <= to; i++) {
            AbstractInsnNode insn = insns[i];
            if (insn instanceof LineNumberNode || insn instanceof FrameNode) {
                continue;
            }
            if (insn instanceof LabelNode label) {
                text.append('L').append(number(labels, label)).append(';');
                continue;
            }
            text.append(insn.getOpcode()).append(' ');
            operands(insn, labels, text);
            text.append(';');
        }
        return hash(text.toString());
    }

    /** {@return the 64-bit FNV-1a hash of a text} */
    static long hash(String text) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * FNV_PRIME;
        }
        return hash;
    }

    private static void operands(AbstractInsnNode insn, Map<LabelNode, Integer> labels, StringBuilder text) {
        if (insn instanceof IntInsnNode i) {
            text.append(i.operand);
        } else if (insn instanceof VarInsnNode v) {
            text.append(v.var);
        } else if (insn instanceof IincInsnNode i) {
            text.append(i.var).append(' ').append(i.incr);
        } else if (insn instanceof TypeInsnNode t) {
            text.append(t.desc);
        } else if (insn instanceof FieldInsnNode f) {
            text.append(f.owner).append('.').append(f.name).append(':').append(f.desc);
        } else if (insn instanceof MethodInsnNode m) {
            text.append(m.owner).append('.').append(m.name).append(m.desc).append(m.itf);
        } else if (insn instanceof InvokeDynamicInsnNode d) {
            text.append(d.name).append(d.desc).append(handle(d.bsm)).append(constants(d.bsmArgs));
        } else if (insn instanceof LdcInsnNode l) {
            text.append(constants(new Object[] {l.cst}));
        } else if (insn instanceof JumpInsnNode j) {
            text.append('L').append(number(labels, j.label));
        } else if (insn instanceof TableSwitchInsnNode t) {
            text.append(t.min).append(' ').append(t.max).append(" L").append(number(labels, t.dflt));
            t.labels.forEach(label -> text.append(" L").append(number(labels, label)));
        } else if (insn instanceof LookupSwitchInsnNode l) {
            text.append(l.keys).append(" L").append(number(labels, l.dflt));
            l.labels.forEach(label -> text.append(" L").append(number(labels, label)));
        } else if (insn instanceof MultiANewArrayInsnNode m) {
            text.append(m.desc).append(' ').append(m.dims);
        }
    }

    private static String constants(Object[] values) {
        List<String> texts = Arrays.stream(values)
                .map(value -> value instanceof Handle handle ? handle(handle)
                        : value.getClass().getSimpleName() + ":" + value)
                .toList();
        return texts.toString();
    }

    private static String handle(Handle handle) {
        return handle.getTag() + handle.getOwner() + "." + handle.getName() + handle.getDesc();
    }

    private static int number(Map<LabelNode, Integer> labels, LabelNode label) {
        return labels.computeIfAbsent(label, l -> labels.size());
    }
}
