package dev.reload.patcher.rewrite;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

import java.util.Set;

/**
 * Where the object a constructor call initializes comes from: the {@code NEW} instruction that made it, or the
 * {@code ALOAD 0} of a constructor's own object, seen through {@code DUP}s (JVMS 4.10.2.4 pairs each
 * {@code invokespecial <init>} with the uninitialized object it finds on the stack). Analyzes one method once.
 */
final class ObjectSources {
    private final MethodNode method;
    private final Frame<SourceValue>[] frames;

    private ObjectSources(MethodNode method, Frame<SourceValue>[] frames) {
        this.method = method;
        this.frames = frames;
    }

    /**
     * {@return the sources of the method's values}
     *
     * @throws AnalyzerException when the method's code is not valid
     */
    static ObjectSources of(String ownerInternalName, MethodNode method) throws AnalyzerException {
        return new ObjectSources(method, new Analyzer<>(new ThroughDuplicates()).analyze(ownerInternalName, method));
    }

    /** {@return the one instruction that made the receiver of a constructor call, or null when there are several} */
    AbstractInsnNode receiverSource(MethodInsnNode call) {
        Frame<SourceValue> frame = frames[method.instructions.indexOf(call)];
        if (frame == null) {
            return null; // unreachable code
        }
        int arguments = Type.getArgumentTypes(call.desc).length;
        Set<AbstractInsnNode> sources = frame.getStack(frame.getStackSize() - 1 - arguments).insns;
        return sources.size() == 1 ? sources.iterator().next() : null;
    }

    /** {@return how many operand stack entries hold what {@code source} made, where {@code at} runs; -1 when a local does} */
    int copiesOnStack(AbstractInsnNode at, AbstractInsnNode source) {
        Frame<SourceValue> frame = frames[method.instructions.indexOf(at)];
        for (int local = 0; local < frame.getLocals(); local++) {
            if (frame.getLocal(local).insns.contains(source)) {
                return -1;
            }
        }
        int copies = 0;
        for (int i = 0; i < frame.getStackSize(); i++) {
            copies += frame.getStack(i).insns.contains(source) ? 1 : 0;
        }
        return copies;
    }

    /** Sees a duplicated value as the value itself, so that a constructor's receiver leads back to its maker. */
    private static final class ThroughDuplicates extends SourceInterpreter {
        ThroughDuplicates() {
            super(Opcodes.ASM9);
        }

        @Override
        public SourceValue copyOperation(AbstractInsnNode insn, SourceValue value) {
            int opcode = insn.getOpcode();
            return opcode >= Opcodes.DUP && opcode <= Opcodes.SWAP ? value : super.copyOperation(insn, value);
        }
    }
}
