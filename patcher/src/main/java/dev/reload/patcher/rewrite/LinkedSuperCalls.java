package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Links the {@code super.m()} calls that a class makes from its own methods through the runtime, as moved code's
 * are, when {@code m} is one of the methods made to dispatch on their receiver's class. The JVM's
 * {@code invokespecial} would reach the dispatching declaration, which chooses by the receiver's class: an override
 * a reload added to that class, or to one between it and the caller, instead of the superclass's version. The
 * runtime's super call chooses for the class the call names instead. Each replacement pops and pushes what the
 * call did, so frames and maximum sizes stay valid. Calls through an interface ({@code I.super.m()}) and calls of
 * the class's own private methods are left as they are.
 */
public final class LinkedSuperCalls {
    private LinkedSuperCalls() {
    }

    /**
     * {@return the class file with its super calls of the given methods linked through the runtime; the very same
     * array when it makes none}
     *
     * @param classFile a class file, never null
     * @param methods the name and descriptor of each method that dispatches in some class, never null
     * @throws IllegalArgumentException when the bytes are not a class file
     */
    public static byte[] linked(byte[] classFile, Set<MemberKey> methods) {
        Set<String> names = methods.stream().map(MemberKey::name).collect(Collectors.toUnmodifiableSet());
        if (!ClassReferences.namesAnyMember(classFile, names)) {
            return classFile;
        }
        ClassNode node = ClassFiles.read(classFile);
        if ((node.access & Opcodes.ACC_INTERFACE) != 0) {
            return classFile;
        }
        int linked = 0;
        for (MethodNode method : node.methods) {
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof MethodInsnNode call && isSuperCall(call, node.name)
                        && methods.contains(new MemberKey(call.name, call.desc))) {
                    method.instructions.set(call, superCall(call, node.name));
                    linked++;
                }
            }
        }
        return linked == 0 ? classFile : ClassFiles.write(node, false);
    }

    private static boolean isSuperCall(MethodInsnNode call, String writtenIn) {
        return call.getOpcode() == Opcodes.INVOKESPECIAL && !call.itf && !call.owner.equals(writtenIn)
                && !call.name.equals(ConstructorFactory.CONSTRUCTOR);
    }

    /** {@return the instruction linking the call through the runtime with the class's own lookup} */
    static InvokeDynamicInsnNode superCall(MethodInsnNode call, String writtenIn) {
        return new InvokeDynamicInsnNode(call.name, AddedMethod.withReceiver(writtenIn, call.desc),
                CallSiteRedirector.LINK_SUPER, Type.getObjectType(writtenIn), Type.getObjectType(call.owner),
                call.desc);
    }
}
