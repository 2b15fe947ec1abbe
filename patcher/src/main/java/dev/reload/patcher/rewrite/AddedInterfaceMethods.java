package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Instance methods a reload adds to an interface, abstract or default. The running interface cannot declare them,
 * so calls through the interface are linked by the runtime to a dispatch on the receiver's class, which finds the
 * implementation (one a reload added, or one the class declares) and falls back to the default body. That body
 * lives in the interface's companion like any added method's; an abstract method gets one that throws
 * {@link AbstractMethodError}, which is what the JVM throws for an object whose class lacks the method, and which a
 * batch that leaves a loaded class without the method is refused for.
 */
public final class AddedInterfaceMethods {
    private AddedInterfaceMethods() {
    }

    /**
     * {@return the keys of the abstract instance methods the new version of an interface declares and the running
     * one lacks; empty for a class}
     *
     * @param running the class file as the JVM runs it now, never null
     * @param updated the new class file, never null
     */
    public static Set<MemberKey> abstractOnes(byte[] running, byte[] updated) {
        ClassNode next = ClassFiles.readDeclarations(updated);
        if ((next.access & Opcodes.ACC_INTERFACE) == 0) {
            return Set.of();
        }
        Set<MemberKey> runningKeys = ClassFiles.readDeclarations(running).methods.stream().map(ClassFiles::key)
                .collect(Collectors.toSet());
        List<MemberKey> added = new ArrayList<>();
        for (MethodNode method : next.methods) {
            if ((method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_STATIC)) == Opcodes.ACC_ABSTRACT
                    && !runningKeys.contains(ClassFiles.key(method))) {
                added.add(ClassFiles.key(method));
            }
        }
        return Set.copyOf(added);
    }

    /** {@return true for an abstract instance method of an interface, which moves with a body that throws} */
    static boolean movesWithoutBody(ClassNode owner, MethodNode method) {
        return (owner.access & Opcodes.ACC_INTERFACE) != 0
                && (method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_STATIC | Opcodes.ACC_NATIVE))
                == Opcodes.ACC_ABSTRACT;
    }

    /**
     * Gives an abstract method added to an interface the body its dispatch runs for an object whose class has no
     * implementation: it throws {@link AbstractMethodError}, as the JVM would.
     */
    static void giveThrowingBody(MethodNode method, String binaryName) {
        method.access &= ~Opcodes.ACC_ABSTRACT;
        InsnList body = new InsnList();
        body.add(new TypeInsnNode(Opcodes.NEW, "java/lang/AbstractMethodError"));
        body.add(new InsnNode(Opcodes.DUP));
        body.add(new LdcInsnNode(binaryName + "." + method.name + CallSiteRedirector.signatureWords(method.desc)
                + ", added by a reload, is abstract, and the class of the object it was called on implements none"));
        body.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, "java/lang/AbstractMethodError", "<init>",
                "(Ljava/lang/String;)V", false));
        body.add(new InsnNode(Opcodes.ATHROW));
        method.instructions = body;
        method.maxStack = 3;
        // The receiver and the arguments (the argument sizes count the receiver).
        method.maxLocals = Type.getArgumentsAndReturnSizes(method.desc) >> 2;
    }
}
