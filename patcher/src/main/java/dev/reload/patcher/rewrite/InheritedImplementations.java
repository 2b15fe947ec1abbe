package dev.reload.patcher.rewrite;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.List;

/**
 * Gives a class about to load a method of its own for each implementation it inherits from a superclass whose
 * reload added it ({@link InheritedImplementation}): the method calls {@code super.m(...)} with its arguments, as
 * javac compiles {@code return super.m(...);}, so calls through the abstract declaration (from the superclass or an
 * interface) select it in the class's vtable and itable. The agent then links that super call through the runtime
 * to the added method, like any super call of a method a reload added.
 */
public final class InheritedImplementations {
    /**
     * The access flags the declared method takes from the added one; not {@code final}, so subclasses override it.
     * A bridge the compiler generated for a generic supertype ({@code Object pick(Object)} beside {@code String
     * pick(String)}) stays a bridge, so that reflection tells it from the source's methods as it would the original.
     */
    private static final int KEPT_ACCESS = Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED | Opcodes.ACC_BRIDGE
            | Opcodes.ACC_SYNTHETIC;

    private InheritedImplementations() {
    }

    /**
     * {@return the class file declaring, besides its own methods, one calling the superclass's for each given
     * method; the very same array when none is given}
     *
     * @param classFile the class file of a class (not an interface) that declares none of the methods, never null
     * @param inherited the implementations it inherits, never null
     * @throws IllegalArgumentException when the bytes are not a class file
     */
    public static byte[] declared(byte[] classFile, List<InheritedImplementation> inherited) {
        if (inherited.isEmpty()) {
            return classFile;
        }
        ClassReader reader = new ClassReader(classFile);
        // Copies the constant pool and the methods as they are: the added methods have no branch, so need no frames.
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visitEnd() {
                for (InheritedImplementation method : inherited) {
                    callingSuper(cv, reader.getSuperName(), method);
                }
                super.visitEnd();
            }
        }, 0);
        return writer.toByteArray();
    }

    private static void callingSuper(ClassVisitor target, String superName, InheritedImplementation method) {
        MethodVisitor code = target.visitMethod(method.access() & KEPT_ACCESS, method.name(), method.descriptor(),
                null, null);
        code.visitCode();
        code.visitVarInsn(Opcodes.ALOAD, 0);
        int slot = ArgumentLoads.load(code, method.descriptor(), 1);
        code.visitMethodInsn(Opcodes.INVOKESPECIAL, superName, method.name(), method.descriptor(), false);
        Type returned = Type.getReturnType(method.descriptor());
        code.visitInsn(returned.getOpcode(Opcodes.IRETURN));
        // The receiver and the arguments fill the stack before the call, the result after it.
        code.visitMaxs(Math.max(slot, returned.getSize()), slot);
        code.visitEnd();
    }
}
