package dev.reload.patcher.shape;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** What the code hash sees and what it ignores, on methods written instruction by instruction. */
class CodeHashTest {
    /** {@return the shape of the one method {@code m()I} of a class {@code t/C} with the given code} */
    private static MethodShape method(Consumer<MethodVisitor> code) throws UnreadableClassException {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "t/C", null, "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_STATIC, "m", "(I)I", null, null);
        method.visitCode();
        code.accept(method);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        return ClassShape.read(writer.toByteArray()).method("m", "(I)I").orElseThrow();
    }

    /** if (x == 0) return first; else return second; with line numbers where asked. */
    private static Consumer<MethodVisitor> branch(int first, int second, int line, boolean extraLabel) {
        return m -> {
            Label start = new Label();
            Label otherwise = new Label();
            m.visitLabel(start);
            m.visitLineNumber(line, start);
            m.visitVarInsn(Opcodes.ILOAD, 0);
            m.visitJumpInsn(Opcodes.IFNE, otherwise);
            if (extraLabel) {
                Label debugOnly = new Label();
                m.visitLabel(debugOnly);
                m.visitLineNumber(line + 1, debugOnly);
            }
            m.visitIntInsn(Opcodes.BIPUSH, first);
            m.visitInsn(Opcodes.IRETURN);
            m.visitLabel(otherwise);
            m.visitIntInsn(Opcodes.BIPUSH, second);
            m.visitInsn(Opcodes.IRETURN);
        };
    }

    private static Consumer<MethodVisitor> returnsLength(String text) {
        return m -> {
            m.visitLdcInsn(text);
            m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "length", "()I", false);
            m.visitInsn(Opcodes.IRETURN);
        };
    }

    @Test
    void lineNumbersChangeOnlyTheDebugHash() throws UnreadableClassException {
        MethodShape at10 = method(branch(1, 2, 10, false));
        MethodShape at20 = method(branch(1, 2, 20, false));
        assertEquals(at10.codeHash(), at20.codeHash());
        assertNotEquals(at10.codeHashWithDebug(), at20.codeHashWithDebug());
    }

    @Test
    void labelsThatOnlyLineNumbersUseDoNotChangeTheCodeHash() throws UnreadableClassException {
        assertEquals(method(branch(1, 2, 10, false)).codeHash(), method(branch(1, 2, 10, true)).codeHash());
    }

    @Test
    void constantsAndBranchesChangeTheCodeHash() throws UnreadableClassException {
        long base = method(branch(1, 2, 10, false)).codeHash();
        assertNotEquals(base, method(branch(2, 1, 10, false)).codeHash());
        assertNotEquals(base, method(branch(1, 3, 10, false)).codeHash());
    }

    @Test
    void stringsWithEqualJavaHashCodesStillDiffer() throws UnreadableClassException {
        assertEquals("Aa".hashCode(), "BB".hashCode());
        assertNotEquals(method(returnsLength("Aa")).codeHash(), method(returnsLength("BB")).codeHash());
    }

    @Test
    void jumpTargetsCount() throws UnreadableClassException {
        Consumer<MethodVisitor> toFirst = m -> jumpTo(m, true);
        Consumer<MethodVisitor> toSecond = m -> jumpTo(m, false);
        assertNotEquals(method(toFirst).codeHash(), method(toSecond).codeHash());
    }

    private static void jumpTo(MethodVisitor m, boolean first) {
        Label one = new Label();
        Label two = new Label();
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitJumpInsn(Opcodes.IFEQ, first ? one : two);
        m.visitLabel(one);
        m.visitInsn(Opcodes.ICONST_1);
        m.visitInsn(Opcodes.IRETURN);
        m.visitLabel(two);
        m.visitInsn(Opcodes.ICONST_2);
        m.visitInsn(Opcodes.IRETURN);
    }
}
