package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a constructor a reload adds into a static factory for the companion, since the running class cannot
 * gain a constructor and only a class's own constructors may initialize an object it allocated. The factory
 * keeps the constructor's local variable slots: its first parameter is a placeholder ({@code null}) in the slot of
 * {@code this}. Its call of {@code this(...)} or {@code super(...)} becomes an {@code invokedynamic} that makes the
 * object, through the delegated constructor or, for {@code super(...)}, by allocating the class and running only
 * the superclass constructor (the runtime does it as deserialization does); the object then goes into the slot of
 * {@code this}, and the rest of the body (the field initializers javac and ECJ put after {@code super(...)}, then
 * the constructor's own statements) runs on it. Writes of the class's {@code final} fields, which the JVM allows only
 * in the class's own constructors, go through a setter linked by the runtime.
 */
final class ConstructorFactory {
    /** The name every constructor has in a class file (JVMS 2.9.1). */
    static final String CONSTRUCTOR = "<init>";

    private static final Handle LINK_CONSTRUCTOR = new Handle(Opcodes.H_INVOKESTATIC, RuntimeNames.LINKAGE,
            RuntimeNames.LINK_CONSTRUCTOR, RuntimeNames.LINK_METHOD_DESCRIPTOR, false);
    private static final Handle LINK_ALLOCATION = new Handle(Opcodes.H_INVOKESTATIC, RuntimeNames.LINKAGE,
            RuntimeNames.LINK_ALLOCATION, RuntimeNames.LINK_ALLOCATION_DESCRIPTOR, false);
    private static final Handle LINK_FINAL_FIELD = new Handle(Opcodes.H_INVOKESTATIC, RuntimeNames.LINKAGE,
            RuntimeNames.LINK_FINAL_FIELD, RuntimeNames.LINK_ALLOCATION_DESCRIPTOR, false);
    private static final String PLACEHOLDER = "java/lang/Object";

    private ConstructorFactory() {
    }

    /** {@return the descriptor of the factory of a constructor: a placeholder, the parameters, the object made} */
    static String factoryDescriptor(String ownerInternalName, String constructorDescriptor) {
        return "(L" + PLACEHOLDER + ";" + constructorDescriptor.substring(1, constructorDescriptor.indexOf(')'))
                + ")L" + ownerInternalName + ";";
    }

    /** {@return the instruction that makes an object by an added constructor, taking what a factory takes} */
    static InvokeDynamicInsnNode linkedConstruction(String ownerInternalName, String constructorDescriptor) {
        return new InvokeDynamicInsnNode(RuntimeNames.CONSTRUCTOR_FACTORY,
                factoryDescriptor(ownerInternalName, constructorDescriptor), LINK_CONSTRUCTOR,
                Type.getObjectType(ownerInternalName), constructorDescriptor);
    }

    /**
     * Rewrites each constructor among the methods that move into its factory, in place.
     *
     * @param moving the methods of the new version that move to the companion, never null
     * @param run the running class, never null
     * @param next the new version, never null
     * @throws UnsupportedEditException when one cannot be made a factory, naming it
     */
    static void rewriteAll(List<MethodNode> moving, ClassNode run, ClassNode next) throws UnsupportedEditException {
        Set<MemberKey> constructors = new HashSet<>();
        for (MethodNode method : moving) {
            if (method.name.equals(CONSTRUCTOR)) {
                constructors.add(ClassFiles.key(method));
            }
        }
        for (MethodNode method : moving) {
            if (method.name.equals(CONSTRUCTOR)) {
                rewrite(method, run, next, constructors);
            }
        }
    }

    /**
     * Rewrites an added constructor, in place, into its factory: a static method named
     * {@link RuntimeNames#CONSTRUCTOR_FACTORY} of the {@link #factoryDescriptor}.
     *
     * @param constructor the constructor as the new version declares it, never null
     * @param run the running class, whose constructors and {@code final} fields stay, never null
     * @param next the new version, never null
     * @param movedConstructors the keys of the constructors the new version adds, never null
     * @throws UnsupportedEditException when the constructor uses {@code this} before it calls {@code this(...)} or
     *                                  {@code super(...)} (Java 25's flexible constructor bodies), or its call of
     *                                  them cannot be found
     */
    private static void rewrite(MethodNode constructor, ClassNode run, ClassNode next, Set<MemberKey> movedConstructors)
            throws UnsupportedEditException {
        String member = "constructor added: " + next.name.substring(next.name.lastIndexOf('/') + 1)
                + CallSiteRedirector.signatureWords(constructor.desc);
        MethodInsnNode delegation = delegation(constructor, next.name, ClassFiles.binaryName(next.name), member);
        if (!delegation.owner.equals(next.name) && !delegation.owner.equals(next.superName)) {
            throw new UnsupportedEditException(ClassFiles.binaryName(next.name), member,
                    "it initializes this through " + ClassFiles.binaryName(delegation.owner));
        }
        InsnList made = new InsnList();
        if (delegation.owner.equals(next.name) && movedConstructors.contains(new MemberKey(CONSTRUCTOR, delegation.desc))) {
            made.add(linkedConstruction(next.name, delegation.desc));
        } else {
            made.add(new InvokeDynamicInsnNode("allocate", factoryDescriptor(next.name, delegation.desc),
                    LINK_ALLOCATION, Type.getObjectType(delegation.owner)));
        }
        made.add(new VarInsnNode(Opcodes.ASTORE, 0));
        constructor.instructions.insert(delegation, made);
        constructor.instructions.remove(delegation);
        returnTheObject(constructor);
        setFinalFieldsThroughTheRuntime(constructor, run);
        placeholderForUninitializedThis(constructor);
        constructor.name = RuntimeNames.CONSTRUCTOR_FACTORY;
        constructor.desc = factoryDescriptor(next.name, constructor.desc);
        constructor.access = Opcodes.ACC_STATIC | (constructor.access & Opcodes.ACC_SYNTHETIC);
        constructor.signature = null;
        // Parameter attributes count the declared parameters; the placeholder would shift them.
        constructor.parameters = null;
        constructor.visibleParameterAnnotations = null;
        constructor.invisibleParameterAnnotations = null;
        constructor.visibleAnnotableParameterCount = 0;
        constructor.invisibleAnnotableParameterCount = 0;
        constructor.maxStack = Math.max(constructor.maxStack, 1);
    }

    /**
     * {@return the constructor's one call of {@code this(...)} or {@code super(...)}}, after checking that nothing
     * before it uses {@code this}: the factory has no object until that call
     */
    private static MethodInsnNode delegation(MethodNode constructor, String owner, String binaryName, String member)
            throws UnsupportedEditException {
        ObjectSources sources;
        try {
            sources = ObjectSources.of(owner, constructor);
        } catch (AnalyzerException e) {
            throw new UnsupportedEditException(binaryName, member, "its code could not be analyzed: " + e.getMessage());
        }
        MethodInsnNode delegation = null;
        AbstractInsnNode receiver = null;
        for (AbstractInsnNode insn : constructor.instructions) {
            if (insn instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKESPECIAL
                    && call.name.equals(CONSTRUCTOR)) {
                AbstractInsnNode source = sources.receiverSource(call);
                if (source instanceof VarInsnNode load && load.var == 0) {
                    if (delegation != null) {
                        throw new UnsupportedEditException(binaryName, member,
                                "it calls this(...) or super(...) on more than one path");
                    }
                    delegation = call;
                    receiver = load;
                }
            }
        }
        if (delegation == null) {
            throw new UnsupportedEditException(binaryName, member, "its call of this(...) or super(...) was not found");
        }
        for (AbstractInsnNode insn = constructor.instructions.getFirst(); insn != delegation; insn = insn.getNext()) {
            boolean usesThis = (insn instanceof VarInsnNode var && var.var == 0)
                    || (insn instanceof IincInsnNode inc && inc.var == 0);
            if (usesThis && insn != receiver) {
                throw new UnsupportedEditException(binaryName, member, "it uses this before calling this(...) or"
                        + " super(...) (as javac does to set an inner class's outer instance), which a constructor"
                        + " added to a running class cannot do");
            }
        }
        return delegation;
    }

    /** Makes each {@code return} give the object, which the slot of {@code this} holds by then. */
    private static void returnTheObject(MethodNode constructor) {
        for (AbstractInsnNode insn : constructor.instructions.toArray()) {
            if (insn.getOpcode() == Opcodes.RETURN) {
                constructor.instructions.insertBefore(insn, new VarInsnNode(Opcodes.ALOAD, 0));
                constructor.instructions.set(insn, new InsnNode(Opcodes.ARETURN));
            }
        }
    }

    private static void setFinalFieldsThroughTheRuntime(MethodNode constructor, ClassNode run) {
        List<FieldInsnNode> writes = new ArrayList<>();
        for (AbstractInsnNode insn : constructor.instructions) {
            if (insn instanceof FieldInsnNode put && put.getOpcode() == Opcodes.PUTFIELD && put.owner.equals(run.name)
                    && isFinalInstanceField(run, put)) {
                writes.add(put);
            }
        }
        for (FieldInsnNode put : writes) {
            constructor.instructions.set(put, new InvokeDynamicInsnNode(put.name,
                    "(L" + run.name + ";" + put.desc + ")V", LINK_FINAL_FIELD, Type.getObjectType(run.name)));
        }
    }

    private static boolean isFinalInstanceField(ClassNode run, FieldInsnNode put) {
        FieldNode field = StructuralRewriter.runningField(run, put.name);
        return field != null && field.desc.equals(put.desc)
                && (field.access & (Opcodes.ACC_FINAL | Opcodes.ACC_STATIC)) == Opcodes.ACC_FINAL;
    }

    /** Gives the slot and stack entries that held the uninitialized {@code this} the placeholder's type. */
    private static void placeholderForUninitializedThis(MethodNode constructor) {
        for (AbstractInsnNode insn : constructor.instructions) {
            if (insn instanceof FrameNode frame) {
                replace(frame.local);
                replace(frame.stack);
            }
        }
    }

    private static void replace(List<Object> types) {
        if (types != null) {
            for (int i = 0; i < types.size(); i++) {
                if (Opcodes.UNINITIALIZED_THIS.equals(types.get(i))) {
                    types.set(i, PLACEHOLDER);
                }
            }
        }
    }
}
