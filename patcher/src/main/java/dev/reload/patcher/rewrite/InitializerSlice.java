package dev.reload.patcher.rewrite;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds where the statement that sets a static field starts in a static initializer, so that it can run alone:
 * at a point where the operand stack is empty, that control reaches by falling through from the statement before
 * (not only by a jump, as the second arm of {@code a ? b : c} is reached), and that no jump from before it skips.
 */
final class InitializerSlice {
    private final MethodNode clinit;
    private final Frame<BasicValue>[] frames;
    private final AbstractInsnNode[] insns;

    /**
     * @param clinit the static initializer, never null
     * @param frames what ASM's analyzer found at each of its instructions, never null
     */
    InitializerSlice(MethodNode clinit, Frame<BasicValue>[] frames) {
        this.clinit = clinit;
        this.frames = frames;
        this.insns = clinit.instructions.toArray();
    }

    /**
     * {@return the index where the statement ending at the {@code PUTSTATIC} at {@code end} starts, or -1 when it
     * cannot run alone}
     */
    int startOf(int end) {
        for (int start = end - 1; start >= 0; start--) {
            if (isStatementStart(start) && noJumpFromOutsideInto(start, end)) {
                return standsAlone(start, end) ? start : -1;
            }
            if (insns[start] instanceof FieldInsnNode put && put.getOpcode() == Opcodes.PUTSTATIC) {
                return -1; // reached the statement before without finding this one's start
            }
        }
        return -1;
    }

    private boolean isStatementStart(int index) {
        if (frames[index] == null || frames[index].getStackSize() > 0) {
            return false;
        }
        AbstractInsnNode previous = previousInstruction(index);
        return previous == null || fallsThrough(previous);
    }

    private boolean noJumpFromOutsideInto(int start, int end) {
        for (int i = 0; i < insns.length; i++) {
            if (i >= start && i <= end) {
                continue;
            }
            for (LabelNode target : targets(insns[i])) {
                int at = clinit.instructions.indexOf(target);
                if (at > start && at <= end) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * {@return true when the slice jumps only inside itself, is in no try block, sets no other field and finds no
     * local variable of an earlier statement alive}
     */
    private boolean standsAlone(int start, int end) {
        for (int i = start; i < end; i++) {
            AbstractInsnNode insn = insns[i];
            if (insn instanceof FieldInsnNode f && f.getOpcode() == Opcodes.PUTSTATIC) {
                return false;
            }
            for (LabelNode target : targets(insn)) {
                int at = clinit.instructions.indexOf(target);
                if (at < start || at > end) {
                    return false;
                }
            }
        }
        return noLocalAlive(start) && outsideTryBlocks(start, end);
    }

    /** Locals of earlier statements would be missing when the slice runs alone; its frames assume none. */
    private boolean noLocalAlive(int start) {
        Frame<BasicValue> frame = frames[start];
        for (int local = 0; local < frame.getLocals(); local++) {
            if (!BasicValue.UNINITIALIZED_VALUE.equals(frame.getLocal(local))) {
                return false;
            }
        }
        return true;
    }

    private boolean outsideTryBlocks(int start, int end) {
        for (TryCatchBlockNode block : clinit.tryCatchBlocks) {
            int from = clinit.instructions.indexOf(block.start);
            int to = clinit.instructions.indexOf(block.end);
            if (from < end && to > start) {
                return false;
            }
        }
        return true;
    }

    /** {@return the instruction before an index, skipping labels, line numbers and frames; null at the start} */
    private AbstractInsnNode previousInstruction(int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (insns[i].getOpcode() >= 0) {
                return insns[i];
            }
        }
        return null;
    }

    private static boolean fallsThrough(AbstractInsnNode insn) {
        int opcode = insn.getOpcode();
        return opcode != Opcodes.GOTO && opcode != Opcodes.ATHROW && opcode != Opcodes.RETURN
                && !(insn instanceof TableSwitchInsnNode) && !(insn instanceof LookupSwitchInsnNode);
    }

    private static List<LabelNode> targets(AbstractInsnNode insn) {
        List<LabelNode> targets = new ArrayList<>();
        if (insn instanceof JumpInsnNode jump) {
            targets.add(jump.label);
        } else if (insn instanceof TableSwitchInsnNode table) {
            targets.add(table.dflt);
            targets.addAll(table.labels);
        } else if (insn instanceof LookupSwitchInsnNode lookup) {
            targets.add(lookup.dflt);
            targets.addAll(lookup.labels);
        }
        return targets;
    }
}
