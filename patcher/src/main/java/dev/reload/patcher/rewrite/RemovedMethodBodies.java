package dev.reload.patcher.rewrite;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Builds the body a method gets when a reload removes it: the JVM will not let the method go, and code
 * compiled against the old version may still call it, so it fails loudly, naming the reload.
 */
final class RemovedMethodBodies {
    private static final String ERROR = "java/lang/NoSuchMethodError";

    private RemovedMethodBodies() {
    }

    /** {@return the message of the error a removed method throws} */
    static String message(String binaryName, String name, String descriptor) {
        return binaryName + "." + name + CallSiteRedirector.signatureWords(descriptor)
                + " was removed by a reload; the code calling it is older than the class";
    }

    /**
     * {@return a copy of the running method's declaration whose body throws {@link NoSuchMethodError}}
     *
     * @param running the running declaration, never null, not modified
     */
    static MethodNode throwing(MethodNode running, String binaryName) {
        MethodNode method = new MethodNode(Opcodes.ASM9, running.access, running.name, running.desc,
                running.signature, running.exceptions.toArray(String[]::new));
        method.instructions.add(new TypeInsnNode(Opcodes.NEW, ERROR));
        method.instructions.add(new InsnNode(Opcodes.DUP));
        method.instructions.add(new LdcInsnNode(message(binaryName, running.name, running.desc)));
        method.instructions.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, ERROR, "<init>",
                "(Ljava/lang/String;)V", false));
        method.instructions.add(new InsnNode(Opcodes.ATHROW));
        method.maxStack = 3;
        // The argument size ASM computes counts an implicit receiver, which a static method lacks.
        int noReceiver = (running.access & Opcodes.ACC_STATIC) != 0 ? 1 : 0;
        method.maxLocals = (Type.getArgumentsAndReturnSizes(running.desc) >> 2) - noReceiver;
        return method;
    }
}
