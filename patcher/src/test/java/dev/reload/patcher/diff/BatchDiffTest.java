package dev.reload.patcher.diff;

import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which two versions of a class hold the same code, as following renumbered classes asks. */
class BatchDiffTest {
    @Test
    void theOrderOfMethodsIsNoChangeOfCode() throws UnreadableClassException {
        // The JVM's own copy of a running class (a retransformation's) need not list methods in the file's order.
        ClassShape compiled = ClassShape.read(classWith(new String[] {"first", "second"}, 1));
        ClassShape rebuilt = ClassShape.read(classWith(new String[] {"second", "first"}, 1));
        assertTrue(BatchDiff.sameCode(compiled, rebuilt));
        assertFalse(BatchDiff.sameCode(compiled, ClassShape.read(classWith(new String[] {"second", "first"}, 2))));
    }

    /** {@return a class declaring a method of each name, in that order, each returning {@code value}} */
    private static byte[] classWith(String[] methods, int value) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, "game/Lambda$1", null, "java/lang/Object",
                null);
        for (String name : methods) {
            MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC, name, "()I", null, null);
            method.visitCode();
            method.visitIntInsn(Opcodes.BIPUSH, value);
            method.visitInsn(Opcodes.IRETURN);
            method.visitMaxs(0, 0);
            method.visitEnd();
        }
        writer.visitEnd();
        return writer.toByteArray();
    }
}
