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
        return method("t/C", code);
    }

    /** {@return the shape of the one method {@code m()I} of a class of the given internal name with the given code} */
    private static MethodShape method(String internalName, Consumer<MethodVisitor> code) throws UnreadableClassException {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
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

    @Test
    void backwardJumpTargetsCount() throws UnreadableClassException {
        assertNotEquals(method(m -> loopBackTo(m, true)).codeHash(), method(m -> loopBackTo(m, false)).codeHash());
    }

    @Test
    void whereALineStartsChangesOnlyTheDebugHash() throws UnreadableClassException {
        MethodShape early = method(m -> lineAt(m, true));
        MethodShape late = method(m -> lineAt(m, false));
        assertEquals(early.codeHash(), late.codeHash());
        assertNotEquals(early.codeHashWithDebug(), late.codeHashWithDebug());
    }

    @Test
    void aClassNamingItselfInADescriptorHashesAsUnderAnotherName() throws UnreadableClassException {
        // An anonymous class renumbered from Outer$1 to Outer$2 is the same code; so is an array of itself.
        Consumer<MethodVisitor> castToOwnArray1 = m -> castsToArrayOf(m, "t/Outer$1");
        Consumer<MethodVisitor> castToOwnArray2 = m -> castsToArrayOf(m, "t/Outer$2");
        assertEquals(method("t/Outer$1", castToOwnArray1).codeHash(), method("t/Outer$2", castToOwnArray2).codeHash());
        assertNotEquals(method("t/Outer$1", castToOwnArray2).codeHash(), method("t/Outer$2", castToOwnArray2).codeHash());
    }

    private static void castsToArrayOf(MethodVisitor m, String internalName) {
        m.visitInsn(Opcodes.ACONST_NULL);
        m.visitTypeInsn(Opcodes.CHECKCAST, "[L" + internalName + ";");
        m.visitInsn(Opcodes.POP);
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitInsn(Opcodes.IRETURN);
    }

    /** x; loop: x--; if (x > 0) goto loop (or goto the decrement's second half); return x. */
    private static void loopBackTo(MethodVisitor m, boolean first) {
        Label top = new Label();
        Label middle = new Label();
        m.visitLabel(top);
        m.visitIincInsn(0, -1);
        m.visitLabel(middle);
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitJumpInsn(Opcodes.IFGT, first ? top : middle);
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitInsn(Opcodes.IRETURN);
    }

    /** return x + 1, line 7 starting at the first instruction or at the second. */
    private static void lineAt(MethodVisitor m, boolean first) {
        Label[] instructions = {new Label(), new Label()};
        m.visitLabel(instructions[0]);
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitLabel(instructions[1]);
        m.visitLineNumber(7, instructions[first ? 0 : 1]);
        m.visitInsn(Opcodes.ICONST_1);
        m.visitInsn(Opcodes.IADD);
        m.visitInsn(Opcodes.IRETURN);
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
