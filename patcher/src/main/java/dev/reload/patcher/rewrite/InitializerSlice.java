package dev.reload.patcher.rewrite;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds where the statement that sets a static field starts in a static initializer, so that it can run alone:
 * at a point where the operand stack is empty and no local of an earlier statement is alive, that control reaches
 * by falling through from the statement before (not only by a jump, as the second arm of {@code a ? b : c} is
 * reached), and that no jump from before it skips; the locals it sets are its own, read by nothing after it.
 */
final class InitializerSlice {
    private final MethodNode clinit;
    private final Frame<BasicValue>[] frames;
    private final AbstractInsnNode[] insns;
    /** What {@link SourceInterpreter} finds, made on first use. */
    private Frame<SourceValue>[] sources;
    private boolean sourcesFailed;

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
                if (!standsAlone(start, end)) {
                    return -1;
                }
                if (readsOnlyOwnLocals(start, end)) {
                    Set<AbstractInsnNode> stores = storesIn(start, end);
                    return (stores.isEmpty() || localsDieWith(start, end, stores))
                            && everyStatementUsesOwnLocals(start, end, stores) ? start : -1;
                }
                // A local set earlier in this statement, as kotlinc keeps a vararg array (listOf(1, 2, 3)) in one:
                // the statement starts where its first local is set. A local of an earlier statement stops the
                // search at that statement's PUTSTATIC. A local an earlier statement set and this one does not read
                // (kotlinc reuses slot 0 for every listOf) is no part of it.
                continue;
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

    /** {@return true when the slice jumps only inside itself, is in no try block and sets no other field} */
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
        return outsideTryBlocks(start, end);
    }

    /**
     * {@return true when no local the slice sets is read by the rest of the static initializer}: the rest does not
     * run with the slice, so it must not need what the slice leaves in a local. Which store each read may see is
     * found by ASM's {@link SourceInterpreter}.
     */
    private boolean localsDieWith(int start, int end, Set<AbstractInsnNode> stores) {
        Frame<SourceValue>[] sources = sources();
        if (sources == null) {
            return false;
        }
        for (int i = 0; i < insns.length; i++) {
            if ((i < start || i > end) && sources[i] != null && readsAny(insns[i], sources[i], stores)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return true when each statement of a slice that sets locals, but its last, names one of them or has no
     * effect (a condition, a jump)} A statement in between that names none of them and has one ({@code log();}
     * between {@code Color c = ...;} and {@code COLOR = c;}) belongs to the rest of the initializer, which must not
     * run again.
     */
    private boolean everyStatementUsesOwnLocals(int start, int end, Set<AbstractInsnNode> stores) {
        Set<Integer> own = new HashSet<>();
        for (AbstractInsnNode store : stores) {
            own.add(localOf(store));
        }
        boolean usesOwn = false;
        boolean hasEffect = false;
        for (int i = start; i < end; i++) {
            if (i > start && isStatementStart(i)) {
                if (hasEffect && !usesOwn) {
                    return false;
                }
                usesOwn = false;
                hasEffect = false;
            }
            usesOwn |= own.contains(localOf(insns[i]));
            hasEffect |= hasEffect(insns[i]);
        }
        return true; // the last statement ends with the field's own PUTSTATIC
    }

    /** Calls, stores into objects and arrays, monitors and throws; string concatenation and lambdas are none. */
    private static boolean hasEffect(AbstractInsnNode insn) {
        int opcode = insn.getOpcode();
        return insn instanceof MethodInsnNode || opcode == Opcodes.PUTFIELD
                || (opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE)
                || opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT || opcode == Opcodes.ATHROW;
    }

    private static boolean readsAny(AbstractInsnNode insn, Frame<SourceValue> frame, Set<AbstractInsnNode> stores) {
        return reads(insn) && frame.getLocal(localOf(insn)).insns.stream().anyMatch(stores::contains);
    }

    /** {@return true for an instruction that reads a local: a load, or an IINC} */
    private static boolean reads(AbstractInsnNode insn) {
        return (insn instanceof VarInsnNode load && !isStore(load.getOpcode()) && load.getOpcode() != Opcodes.RET)
                || insn instanceof IincInsnNode;
    }

    /** {@return the stores into locals between {@code start} and {@code end}: xSTOREs, and IINCs, which read too} */
    private Set<AbstractInsnNode> storesIn(int start, int end) {
        Set<AbstractInsnNode> stores = new HashSet<>();
        for (int i = start; i < end; i++) {
            if ((insns[i] instanceof VarInsnNode store && isStore(store.getOpcode()))
                    || insns[i] instanceof IincInsnNode) {
                stores.add(insns[i]);
            }
        }
        return stores;
    }

    /** {@return the local an instruction loads, stores or increments; -1 for any other instruction} */
    private static int localOf(AbstractInsnNode insn) {
        if (insn instanceof VarInsnNode variable) {
            return variable.var;
        }
        return insn instanceof IincInsnNode increment ? increment.var : -1;
    }

    private static boolean isStore(int opcode) {
        return opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE;
    }

    /**
     * {@return true when every local the slice reads was set in it}: the locals of earlier statements would be
     * missing when it runs alone. One an earlier statement set and the slice does not read is none of its business.
     */
    private boolean readsOnlyOwnLocals(int start, int end) {
        Frame<SourceValue>[] sources = sources();
        if (sources == null) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (sources[i] != null && reads(insns[i])) {
                for (AbstractInsnNode store : sources[i].getLocal(localOf(insns[i])).insns) {
                    int at = clinit.instructions.indexOf(store);
                    if (at < start || at >= end) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** {@return which store each read of a local may see, at each instruction; null when the analysis fails} */
    private Frame<SourceValue>[] sources() {
        if (sources == null && !sourcesFailed) {
            try {
                // The owner only types an instance method's this: a static initializer has none.
                sources = new Analyzer<>(new SourceInterpreter()).analyze("java/lang/Object", clinit);
            } catch (AnalyzerException e) {
                sourcesFailed = true;
            }
        }
        return sources;
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
