package dev.reload.patcher.shape;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.Arrays;

/**
 * Hashes one method's code as ASM reads it: the reference for the byte-level reader's code hash. Jump targets count as instruction indexes, not byte offsets
 * or labels, so neither {@code ldc}/{@code ldc_w} re-encoding nor the labels that only line numbers need
 * change the code hash. Debug information (line numbers, local variables) goes into a second hash.
 */
final class AsmCodeHasher extends MethodVisitor {
    /** Receives what the hasher learns about one method. */
    interface Sink {
        /** The method at {@code index} has these hashes of its code and of its debug information (0, 0 without code). */
        void hashed(int index, long codeHash, long debugHash);

        /** The method at {@code index} creates the lambda body {@code name descriptor} of its own class. */
        void createsLambda(int index, String name, String descriptor);

        /** The method reads javac's enum switch map held by the class {@code holder}. */
        void readsSwitchMap(String holder);
    }

    /** Stands for this class's own name; no class can have it, since it is no valid internal name. */
    private static final String SELF = ";self";
    private static final String SELF_DESCRIPTOR = "L;self;";

    private final String owner;
    private final String ownerDescriptor;
    private final Sink sink;
    private final Deferred code = new Deferred();
    private final Deferred debug = new Deferred();
    private int index;
    private boolean hasCode;
    private int instructions;

    /**
     * @param owner the internal name of the class being read
     * @param ownerDescriptor its descriptor, {@code L} + owner + {@code ;}, made once per class
     * @param sink where the results go
     */
    AsmCodeHasher(String owner, String ownerDescriptor, Sink sink) {
        super(Opcodes.ASM9);
        this.owner = owner;
        this.ownerDescriptor = ownerDescriptor;
        this.sink = sink;
    }

    /**
     * {@return this hasher, started over for the method at {@code index} in class-file order}: ASM reads a method to
     * its {@code visitEnd} before it visits the next, so one hasher serves a whole class, and a batch that reads a
     * thousand class files makes one hasher for each, not one for each method
     */
    AsmCodeHasher method(int index) {
        this.index = index;
        hasCode = false;
        instructions = 0;
        code.reset();
        debug.reset();
        return this;
    }

    @Override
    public void visitCode() {
        hasCode = true;
    }

    @Override
    public void visitInsn(int opcode) {
        instruction(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        instruction(opcode).add(operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        instruction(opcode).add(varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        instruction(opcode).add(self(type));
    }

    @Override
    public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
        instruction(opcode).add(self(fieldOwner)).add(name).add(self(descriptor));
        if (opcode == Opcodes.GETSTATIC && name.startsWith(SyntheticNames.SWITCH_MAP_PREFIX)
                && !fieldOwner.equals(owner)) {
            sink.readsSwitchMap(fieldOwner);
        }
    }

    @Override
    public void visitMethodInsn(int opcode, String methodOwner, String name, String descriptor, boolean isInterface) {
        instruction(opcode).add(self(methodOwner)).add(name).add(self(descriptor)).add(isInterface ? 1 : 0);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        Deferred item = instruction(Opcodes.INVOKEDYNAMIC).add(name).add(self(descriptor)).add(handle(bootstrap));
        item.add(arguments.length);
        for (Object argument : arguments) {
            item.add(constant(argument));
        }
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        instruction(opcode).ref(label);
    }

    @Override
    public void visitLabel(Label label) {
        // Label.info is ASM's slot for the user's state; the reader makes fresh labels for each method.
        if (label.info == null) {
            label.info = instructions;
        }
    }

    @Override
    public void visitLdcInsn(Object value) {
        instruction(Opcodes.LDC).add(constant(value));
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        instruction(Opcodes.IINC).add(varIndex).add(increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        Deferred item = instruction(Opcodes.TABLESWITCH).add(min).add(max).ref(dflt);
        for (Label label : labels) {
            item.ref(label);
        }
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        Deferred item = instruction(Opcodes.LOOKUPSWITCH).ref(dflt).add(keys.length);
        for (int i = 0; i < keys.length; i++) {
            item.add(keys[i]).ref(labels[i]);
        }
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        instruction(Opcodes.MULTIANEWARRAY).add(self(descriptor)).add(numDimensions);
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        code.add(-1).ref(start).ref(end).ref(handler).add(type == null ? null : self(type));
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        debug.add(line).ref(start);
    }

    @Override
    public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end,
                                   int varIndex) {
        debug.add(-1).add(name).add(descriptor).add(signature).ref(start).ref(end).add(varIndex);
    }

    @Override
    public void visitEnd() {
        if (!hasCode) {
            sink.hashed(index, 0L, 0L);
            return;
        }
        sink.hashed(index, code.resolve(), debug.resolve());
    }

    /**
     * {@return the name or descriptor with this class's own name replaced by a placeholder}: a class
     * refers to itself under its name, and an anonymous class renumbered from {@code Outer$1} to
     * {@code Outer$2} should still hash the same, so a batch can see it is the same code.
     */
    private String self(String nameOrDescriptor) {
        if (nameOrDescriptor.equals(owner)) {
            return SELF;
        }
        return nameOrDescriptor.contains(ownerDescriptor)
                ? nameOrDescriptor.replace(ownerDescriptor, SELF_DESCRIPTOR) : nameOrDescriptor;
    }

    private Deferred instruction(int opcode) {
        instructions++;
        return code.add(0x1_0000_0000L | opcode);
    }

    private long handle(Handle handle) {
        String name = handle.getName();
        if (handle.getOwner().equals(owner) && SyntheticNames.isLambda(name)) {
            sink.createsLambda(index, name, handle.getDesc());
            name = SyntheticNames.LAMBDA_PREFIX;
        }
        return new Hash64().add(handle.getTag()).add(self(handle.getOwner())).add(name).add(self(handle.getDesc()))
                .add(handle.isInterface() ? 1 : 0).value();
    }

    private long constant(Object value) {
        Hash64 hash = new Hash64();
        if (value instanceof Integer i) {
            hash.add(1).add(i);
        } else if (value instanceof Float f) {
            hash.add(2).add(Float.floatToRawIntBits(f));
        } else if (value instanceof Long l) {
            hash.add(3).add(l);
        } else if (value instanceof Double d) {
            hash.add(4).add(Double.doubleToRawLongBits(d));
        } else if (value instanceof String s) {
            hash.add(5).add(s);
        } else if (value instanceof Type t) {
            hash.add(6).add(t.getSort()).add(self(t.getDescriptor()));
        } else if (value instanceof Handle h) {
            hash.add(7).add(handle(h));
        } else if (value instanceof ConstantDynamic c) {
            hash.add(8).add(c.getName()).add(c.getDescriptor()).add(handle(c.getBootstrapMethod()));
            for (int i = 0; i < c.getBootstrapMethodArgumentCount(); i++) {
                hash.add(constant(c.getBootstrapMethodArgument(i)));
            }
        } else {
            hash.add(9).add(String.valueOf(value));
        }
        return hash.value();
    }

    /**
     * A hash of a sequence of values, some of them label references whose instruction index is not known
     * yet: a forward jump names its target before the reader reaches it. Plain values are hashed in order
     * at once; each reference adds, at the end, a mix of its position in the sequence and its target to an
     * order-independent sum, so the result still depends on which target sits where.
     */
    private static final class Deferred {
        private final Hash64 hash = new Hash64();
        private int size;
        /** The order-independent sum of the references whose target is known. */
        private long references;
        /**
         * Forward references only, made at the first: a line number or local variable names a label the reader has
         * already visited, and a backward jump too, so most methods need none.
         */
        private Label[] refs;
        private int[] refPositions;
        private int refCount;

        void reset() {
            hash.reset();
            size = 0;
            references = 0;
            if (refs != null) {
                Arrays.fill(refs, 0, refCount, null); // the last method's labels, no longer needed
            }
            refCount = 0;
        }

        Deferred add(long value) {
            hash.add(value);
            size++;
            return this;
        }

        Deferred add(String text) {
            return add(Hash64.of(text));
        }

        Deferred ref(Label label) {
            int position = size++;
            if (label.info instanceof Integer target) {
                references += reference(position, target);
                return this;
            }
            if (refs == null) {
                refs = new Label[8];
                refPositions = new int[8];
            } else if (refCount == refs.length) {
                refs = Arrays.copyOf(refs, refCount * 2);
                refPositions = Arrays.copyOf(refPositions, refCount * 2);
            }
            refs[refCount] = label;
            refPositions[refCount++] = position;
            return this;
        }

        long resolve() {
            for (int i = 0; i < refCount; i++) {
                Object at = refs[i].info;
                references += reference(refPositions[i], at instanceof Integer index ? index : 0xFFFF_FFFFL);
            }
            return hash.add(references).add(size).value();
        }

        private static long reference(int position, long target) {
            return new Hash64().add(position).add(target).value();
        }
    }
}
