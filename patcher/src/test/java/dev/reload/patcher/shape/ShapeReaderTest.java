package dev.reload.patcher.shape;

import dev.reload.fixtures.harness.KotlinCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The byte-level {@link ShapeReader} gives every class file the shape ASM's visitors gave it ({@link AsmShapeReader}),
 * id for id and hash for hash: on the class files of three compilers (javac's java.base of each test JDK, ECJ's own
 * compiler, kotlinc's standard library) and on methods written to hold what those rarely do.
 */
class ShapeReaderTest {

    @Test
    void javacsJavaBaseReadsAsAsmReadsIt() {
        assertSameShapes("java.base", JavaBase.classFiles(), 3000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void eachTestJdksJavaBaseReadsAsAsmReadsIt(Path jdk) {
        assertSameShapes(jdk + " java.base", JavaBase.classFiles(jdk), 3000);
    }

    @Test
    void ecjsOwnClassesReadAsAsmReadThem() throws Exception {
        Path ecj = Path.of(Class.forName("org.eclipse.jdt.internal.compiler.batch.Main").getProtectionDomain()
                .getCodeSource().getLocation().toURI());
        assertSameShapes(ecj.getFileName().toString(), classFilesOf(ecj), 500);
    }

    @Test
    void kotlincsStandardLibraryReadsAsAsmReadsIt() throws IOException {
        Path stdlib = KotlinCompiler.standardLibrary();
        assertSameShapes(stdlib.getFileName().toString(), classFilesOf(stdlib), 500);
    }

    @Test
    void rareInstructionsAndAttributesReadAsAsmReadsThem() {
        List<byte[]> files = List.of(oldStyleClass(), constantsClass("t/Consts"), constantsClass("t/Spieler\u00e4$1"),
                debugInfoClass(), longJumpClass());
        assertSameShapes("written cases", files, files.size());
    }

    @Test
    void eachFieldGetsItsOwnConstantValueBackWhateverItsKind() throws UnreadableClassException {
        Map<String, Object> constants = new LinkedHashMap<>();
        constants.put("I:small", -7);
        constants.put("Z:flag", 1);
        constants.put("I:none", null);
        constants.put("F:nan", Float.NaN);
        constants.put("F:negativeZero", -0.0f);
        constants.put("J:least", Long.MIN_VALUE);
        constants.put("D:pi", Math.PI);
        constants.put("Ljava/lang/String;:text", "caf\u00e9 \ud800 alone");
        constants.put("Ljava/lang/String;:unset", null);
        constants.put("I:large", 70000);
        ClassShape shape = ClassShape.read(fieldsClass(constants, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC));
        List<FieldShape> fields = shape.fields();
        int index = 0;
        for (Map.Entry<String, Object> constant : constants.entrySet()) {
            String name = constant.getKey().substring(constant.getKey().indexOf(':') + 1);
            assertEquals(constant.getValue(), fields.get(index++).constantValue(), name);
            assertEquals(constant.getValue(), shape.field(name).orElseThrow().constantValue(), name);
            assertEquals(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL,
                    shape.field(name).orElseThrow().access(), name);
        }
        assertTrue(shape.declaresPrefixOf(ClassShape.read(fieldsClass(constants, Opcodes.ACC_PUBLIC
                | Opcodes.ACC_STATIC))), "the same constants");
        constants.put("I:large", 70001);
        assertFalse(shape.declaresPrefixOf(ClassShape.read(fieldsClass(constants, Opcodes.ACC_PUBLIC
                | Opcodes.ACC_STATIC))), "one constant changed");
    }

    /** {@return a class whose final fields, {@code descriptor:name}, hold the constant values given, if not null} */
    private static byte[] fieldsClass(Map<String, Object> constants, int access) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "t/Constants", null, "java/lang/Object", null);
        for (Map.Entry<String, Object> constant : constants.entrySet()) {
            String[] field = constant.getKey().split(":", 2);
            writer.visitField(access | Opcodes.ACC_FINAL, field[1], field[0], null, constant.getValue()).visitEnd();
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    @Test
    void aSwitchOfNoLengthIsMalformedNotAnEndlessWalk() {
        byte[] file = switchFirstClass();
        int at = indexOf(file, new byte[] {0, 0, 0, 1, 0, 0, 0, 3}); // the tableswitch's low and high
        file[at + 4] = (byte) 0xFF;
        file[at + 5] = (byte) 0xFF;
        file[at + 6] = (byte) 0xFF;
        file[at + 7] = (byte) 0xFC; // high = -4: at offset 0, the switch would take no bytes at all
        UnreadableClassException thrown = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(UnreadableClassException.class, () -> ClassShape.read(file)));
        assertEquals(UnreadableClassException.Reason.MALFORMED, thrown.reason());
    }

    @Test
    void aDynamicConstantThatHoldsItselfIsMalformedNotAnEndlessRecursion() {
        Handle bootstrap = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/ConstantBootstraps", "invoke",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;"
                        + "Ljava/lang/invoke/MethodHandle;[Ljava/lang/Object;)Ljava/lang/Object;", false);
        ConstantDynamic inner = new ConstantDynamic("inner", "Ljava/lang/Object;", bootstrap, 424242);
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "t/Condy", null, "java/lang/Object", null);
        MethodVisitor m = writer.visitMethod(Opcodes.ACC_STATIC, "m", "()Ljava/lang/Object;", null, null);
        m.visitCode();
        m.visitLdcInsn(new ConstantDynamic("outer", "Ljava/lang/Object;", bootstrap, inner));
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(1, 0);
        m.visitEnd();
        writer.visitEnd();
        byte[] file = writer.toByteArray();
        int[] found = integerAndDynamicEntries(file, 424242);
        // The inner constant's one argument, the Integer, becomes a dynamic constant: each then holds the other, or itself.
        int argument = indexOf(file, new byte[] {0, 1, (byte) (found[0] >> 8), (byte) found[0]}) + 2;
        file[argument] = (byte) (found[1] >> 8);
        file[argument + 1] = (byte) found[1];
        UnreadableClassException thrown = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(UnreadableClassException.class, () -> ClassShape.read(file)));
        assertEquals(UnreadableClassException.Reason.MALFORMED, thrown.reason());
    }

    /** {@return the constant pool indexes of the Integer of that value and of a dynamic constant} */
    private static int[] integerAndDynamicEntries(byte[] file, int value) {
        int integer = -1;
        int dynamic = -1;
        int count = ((file[8] & 0xFF) << 8) | (file[9] & 0xFF);
        for (int i = 1, at = 10; i < count; i++) {
            int tag = file[at];
            if (tag == 3 && ByteBuffer.wrap(file, at + 1, 4).getInt() == value) {
                integer = i;
            } else if (tag == 17) {
                dynamic = i;
            }
            at += switch (tag) {
                case 1 -> 3 + (((file[at + 1] & 0xFF) << 8) | (file[at + 2] & 0xFF));
                case 5, 6 -> 9;
                case 7, 8, 16, 19, 20 -> 3;
                case 15 -> 4;
                default -> 5;
            };
            if (tag == 5 || tag == 6) {
                i++;
            }
        }
        assertTrue(integer > 0 && dynamic > 0, "the constants were written");
        return new int[] {integer, dynamic};
    }

    /** A method whose first instruction is a tableswitch over 1 to 3. */
    private static byte[] switchFirstClass() {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V1_4, Opcodes.ACC_PUBLIC, "t/Switch", null, "java/lang/Object", null);
        MethodVisitor m = writer.visitMethod(Opcodes.ACC_STATIC, "m", "(I)V", null, null);
        m.visitCode();
        Label end = new Label();
        m.visitTableSwitchInsn(1, 3, end, end, end, end);
        m.visitLabel(end);
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(1, 1);
        m.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }

    private static void assertSameShapes(String what, List<byte[]> files, int atLeast) {
        assertTrue(files.size() >= atLeast, what + " has " + files.size() + " class files");
        List<String> differing = new ArrayList<>();
        for (byte[] file : files) {
            String expected = AsmShapeReader.shape(file).toString();
            String actual;
            try {
                actual = ClassShape.read(file).toString();
            } catch (UnreadableClassException e) {
                actual = e.getMessage();
            }
            if (!expected.equals(actual)) {
                differing.add(new ClassReader(file).getClassName() + "\n  ASM:\n" + expected + "\n  read:\n" + actual);
            } else if (!namesComeBack(file)) {
                differing.add(new ClassReader(file).getClassName() + ": read without member names, it differs from"
                        + " ASM's shape without them, or does not take them back from its own class file");
            }
        }
        assertEquals(List.of(), differing.subList(0, Math.min(3, differing.size())),
                differing.size() + " of " + files.size() + " classes of " + what + " differ");
    }

    /**
     * {@return true when the shape read without member names is ASM's shape without them, id for id, and takes its
     * names back from the shape with them}
     */
    private static boolean namesComeBack(byte[] file) {
        try {
            ClassShape named = ClassShape.read(file);
            ClassShape unnamed = ClassShape.readWithoutMemberNames(file);
            return named.equals(AsmShapeReader.shape(file))
                    && unnamed.equals(AsmShapeReader.shape(file).withoutMemberNames())
                    && named.equals(unnamed.withMemberNamesFrom(named, List.of()));
        } catch (UnreadableClassException e) {
            return false;
        }
    }

    private static List<byte[]> classFilesOf(Path jar) throws IOException {
        List<byte[]> files = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        files.add(in.readAllBytes());
                    }
                }
            }
        }
        return files;
    }

    /** A Java 1.4 class: jsr and ret, the Synthetic attribute, wide locals, both switches, every short load. */
    private static byte[] oldStyleClass() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V1_4, Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, "t/Old", null, "java/lang/Object", null);
        writer.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, "f", "I", null, 7).visitEnd();
        writer.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "g", "F", null, 1.5f).visitEnd();
        writer.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "h", "J", null, -3L).visitEnd();
        writer.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "i", "D", null, 2.25).visitEnd();
        writer.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "s", "Ljava/lang/String;", null, "x").visitEnd();
        MethodVisitor m = writer.visitMethod(Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, "m", "(IJFDLjava/lang/Object;)I",
                null, null);
        m.visitCode();
        Label sub = new Label();
        Label after = new Label();
        Label one = new Label();
        Label two = new Label();
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitVarInsn(Opcodes.LLOAD, 1);
        m.visitVarInsn(Opcodes.FLOAD, 3);
        m.visitVarInsn(Opcodes.DLOAD, 4);
        m.visitVarInsn(Opcodes.ALOAD, 6);
        m.visitInsn(Opcodes.POP);
        m.visitInsn(Opcodes.POP2);
        m.visitInsn(Opcodes.POP);
        m.visitInsn(Opcodes.POP2);
        m.visitInsn(Opcodes.POP);
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitVarInsn(Opcodes.ISTORE, 300);
        m.visitIincInsn(300, 1000);
        m.visitIincInsn(2, -3);
        m.visitIntInsn(Opcodes.BIPUSH, -5);
        m.visitIntInsn(Opcodes.SIPUSH, -300);
        m.visitInsn(Opcodes.POP2);
        m.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
        m.visitInsn(Opcodes.POP);
        m.visitJumpInsn(Opcodes.JSR, sub);
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitTableSwitchInsn(1, 3, after, one, two, one);
        m.visitLabel(one);
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitLookupSwitchInsn(after, new int[] {-10, 5, 100000}, new Label[] {two, after, one});
        m.visitLabel(two);
        m.visitJumpInsn(Opcodes.GOTO, after);
        m.visitLabel(sub);
        m.visitVarInsn(Opcodes.ASTORE, 299);
        m.visitVarInsn(Opcodes.RET, 299);
        m.visitLabel(after);
        m.visitLdcInsn(Type.getType("[Ljava/lang/String;"));
        m.visitTypeInsn(Opcodes.CHECKCAST, "[Ljava/lang/String;");
        m.visitMultiANewArrayInsn("[[I", 2);
        m.visitInsn(Opcodes.POP2);
        m.visitVarInsn(Opcodes.ILOAD, 300);
        m.visitInsn(Opcodes.IRETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /**
     * A class with every kind of loadable constant, its own name in descriptors and constants (the hash's
     * placeholder), a lambda of its own, and a switch map of another class; {@code name} may need more than ASCII.
     */
    private static byte[] constantsClass(String name) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        writer.visitNestMember(name + "$Inner");
        writer.visitInnerClass(name + "$Inner", name, "Inner", Opcodes.ACC_STATIC);
        writer.visitInnerClass(name + "$1", null, null, 0);
        writer.visitNestMember(name + "$1");
        Handle factory = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/LambdaMetafactory", "metafactory",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                        + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)"
                        + "Ljava/lang/invoke/CallSite;", false);
        Handle body = new Handle(Opcodes.H_INVOKESTATIC, name, "lambda$run$0", "(L" + name + ";)V", false);
        Handle condyBootstrap = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/ConstantBootstraps", "invoke",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;"
                        + "Ljava/lang/invoke/MethodHandle;[Ljava/lang/Object;)Ljava/lang/Object;", false);
        MethodVisitor m = writer.visitMethod(Opcodes.ACC_PUBLIC, "run", "(L" + name + ";)L" + name + ";", null, null);
        m.visitCode();
        m.visitLdcInsn(3);
        m.visitLdcInsn(70000);
        m.visitLdcInsn(Float.NaN);
        m.visitLdcInsn(-0.0f);
        m.visitLdcInsn(Long.MIN_VALUE);
        m.visitLdcInsn(Math.PI);
        m.visitLdcInsn("caf\u00e9 \u0000 \ud83c\udfae");
        m.visitLdcInsn(Type.getObjectType(name));
        m.visitLdcInsn(Type.getObjectType("java/lang/String"));
        m.visitLdcInsn(Type.getMethodType("(L" + name + ";)V"));
        m.visitLdcInsn(body);
        m.visitLdcInsn(new ConstantDynamic("answer", "Ljava/lang/Object;", condyBootstrap, body, 42, "text"));
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitInvokeDynamicInsn("run", "(L" + name + ";)Ljava/lang/Runnable;", factory, Type.getType("()V"), body,
                Type.getType("()V"));
        m.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/lang/Runnable", "run", "()V", true);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/List", "of", "()Ljava/util/List;", true);
        m.visitFieldInsn(Opcodes.GETSTATIC, "t/Other$1", SyntheticNames.SWITCH_MAP_PREFIX + "t$Color", "[I");
        m.visitFieldInsn(Opcodes.GETSTATIC, name, "self", "L" + name + ";");
        m.visitMethodInsn(Opcodes.INVOKESPECIAL, name, "<init>", "()V", false);
        m.visitInsn(Opcodes.ACONST_NULL);
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        MethodVisitor lambda = writer.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                "lambda$run$0", "(L" + name + ";)V", null, null);
        lambda.visitCode();
        lambda.visitInsn(Opcodes.RETURN);
        lambda.visitMaxs(0, 0);
        lambda.visitEnd();
        writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, "none", "()V", null, null).visitEnd();
        writer.visitRecordComponent("x", "Ljava/util/List;", "Ljava/util/List<Ljava/lang/String;>;").visitEnd();
        writer.visitRecordComponent("y", "I", null).visitEnd();
        writer.visitPermittedSubclass(name + "$Inner");
        writer.visitEnd();
        return writer.toByteArray();
    }

    /**
     * Line numbers as compilers rarely write them (several at one offset, a 0, one at the end of the code, one out of
     * order), local variables with and without generic signatures, try-catch blocks with and without a type.
     */
    private static byte[] debugInfoClass() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "t/Debug", null, "java/lang/Object", null);
        MethodVisitor m = writer.visitMethod(Opcodes.ACC_STATIC, "m", "(Ljava/util/List;)I", null, null);
        m.visitCode();
        Label start = new Label();
        Label middle = new Label();
        Label handler = new Label();
        Label other = new Label();
        Label end = new Label();
        m.visitTryCatchBlock(start, middle, handler, "java/lang/RuntimeException");
        m.visitTryCatchBlock(start, middle, other, null);
        m.visitLabel(start);
        m.visitLineNumber(0, start);
        m.visitLineNumber(10, start);
        m.visitLineNumber(11, start);
        m.visitLineNumber(0, start);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/List", "size", "()I", true);
        m.visitVarInsn(Opcodes.ISTORE, 1);
        m.visitLabel(middle);
        m.visitLineNumber(5, middle);
        m.visitVarInsn(Opcodes.ILOAD, 1);
        m.visitInsn(Opcodes.IRETURN);
        m.visitLabel(handler);
        m.visitLineNumber(20, handler);
        m.visitInsn(Opcodes.POP);
        m.visitLabel(other);
        m.visitInsn(Opcodes.ICONST_0);
        m.visitInsn(Opcodes.IRETURN);
        m.visitLabel(end);
        m.visitLineNumber(99, end);
        m.visitLocalVariable("list", "Ljava/util/List;", "Ljava/util/List<Ljava/lang/String;>;", start, end, 0);
        m.visitLocalVariable("size", "I", null, middle, end, 1);
        m.visitLocalVariable("list", "Ljava/util/List;", "Ljava/util/List<*>;", start, end, 0);
        m.visitMaxs(0, 0);
        m.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** A method longer than a 16-bit jump reaches: ASM writes {@code goto_w} for its jumps. */
    private static byte[] longJumpClass() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V1_4, Opcodes.ACC_PUBLIC, "t/Long", null, "java/lang/Object", null);
        MethodVisitor m = writer.visitMethod(Opcodes.ACC_STATIC, "m", "(I)I", null, null);
        m.visitCode();
        Label far = new Label();
        Label back = new Label();
        m.visitLabel(back);
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitJumpInsn(Opcodes.IFEQ, far);
        for (int i = 0; i < 12000; i++) {
            m.visitIincInsn(0, 1);
        }
        m.visitJumpInsn(Opcodes.GOTO, back);
        m.visitLabel(far);
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitInsn(Opcodes.IRETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
