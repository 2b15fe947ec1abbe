package dev.reload.patcher.rewrite;

import dev.reload.fixtures.harness.CompilerKind;
import dev.reload.fixtures.harness.Fixtures;
import dev.reload.fixtures.harness.Jdks;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.JavaBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The byte-level edit made at load ({@link LoadTimePatch}) against the ASM read and write it replaces. */
class LoadTimePatchTest {
    /** Nest hosts and members, anonymous classes, enums and switch maps, records, interfaces, sealed classes. */
    private static final List<String> FIXTURE_CASES = List.of("structural-nested", "structural-anonymous",
            "enum-switch-added", "record-component-added", "interface-added", "permitted-subclass-added",
            "structural-lambdas", "enum-constant-added", "structural-methods");

    @TempDir
    static Path work;

    @Test
    void makesTheSameClassAsAsmForEveryClassOfJavaBase() {
        int patched = sameAsAsm(JavaBase.classFiles());
        assertTrue(patched > 3000, "only " + patched + " classes of java.base were patched");
    }

    @Test
    void makesTheSameClassAsAsmForEveryClassOfJavaBaseOf25() {
        assumeTrue(Files.isDirectory(Jdks.TEMURIN_25), "no JDK 25 at " + Jdks.TEMURIN_25);
        assertTrue(sameAsAsm(JavaBase.classFiles(Jdks.TEMURIN_25)) > 3000);
    }

    @Test
    void makesTheSameClassAsAsmForFixturesOfEveryCompiler() throws IOException {
        for (CompilerKind compiler : CompilerKind.forJava()) {
            if (compiler == CompilerKind.JAVAC_25 && !Files.isDirectory(Jdks.TEMURIN_25)) {
                continue;
            }
            List<byte[]> classFiles = new ArrayList<>();
            for (String fixtureCase : FIXTURE_CASES) {
                classFiles.addAll(compiled(compiler, fixtureCase).values());
            }
            assertEquals(classFiles.size(), sameAsAsm(classFiles), compiler.label());
        }
    }

    @Test
    void patchedFixtureClassesLoadAndGiveTheirFullPrivilegeLookup() throws Exception {
        for (String fixtureCase : FIXTURE_CASES) {
            Map<String, byte[]> byBinaryName = new HashMap<>();
            compiled(CompilerKind.JAVAC, fixtureCase).forEach((internalName, bytes) ->
                    byBinaryName.put(internalName.replace('/', '.'), LoadTimeAugmenter.augment(bytes, 8)));
            CompiledFixture.Loader loader = new CompiledFixture.Loader(byBinaryName);
            for (String binaryName : byBinaryName.keySet()) {
                Class<?> type = loader.loadClass(binaryName);
                Method accessor = type.getDeclaredMethod(RuntimeNames.ACCESSOR_NAME);
                accessor.setAccessible(true);
                MethodHandles.Lookup lookup = (MethodHandles.Lookup) accessor.invoke(null);
                assertSame(type, lookup.lookupClass(), binaryName);
                assertTrue(lookup.hasFullPrivilegeAccess(), binaryName);
            }
        }
    }

    @Test
    void extendsTheNestMembersAttributeAClassHas() {
        byte[] host = classFile("a/Outer", null, List.of("a/Outer$Inner", "a/Outer$2"));
        byte[] patched = LoadTimePatch.augment(host, 2);
        ClassFileOutline outline = ClassFileOutline.of(patched);
        assertEquals(List.of("a/Outer$Inner", "a/Outer$2", "a/Outer$1", "a/Outer$3", "a/Outer$4"),
                outline.nestMembers());
        assertEquals(ClassFileOutline.of(host).u2(ClassFileOutline.of(host).attributesCountOffset),
                outline.u2(outline.attributesCountOffset), "no second NestMembers attribute");
        assertSameStructure(LoadTimeAugmenter.augmentThroughAsm(host, 2), patched);
    }

    @Test
    void givesANestMemberTheAccessorButNoNestMembers() throws Exception {
        byte[] nested = classFile("a/Outer$Inner", "a/Outer", List.of());
        byte[] patched = LoadTimePatch.augment(nested, 8);
        ClassShape shape = ClassShape.read(patched);
        assertEquals("a/Outer", shape.nestHost());
        assertEquals(List.of(), shape.nestMembers());
        assertTrue(shape.method(RuntimeNames.ACCESSOR_NAME, RuntimeNames.ACCESSOR_DESCRIPTOR).isPresent());
        assertSameStructure(LoadTimeAugmenter.augmentThroughAsm(nested, 8), patched);
    }

    @Test
    void addsNoNestMembersAttributeWhenThereIsNoSpareToList() {
        byte[] plain = classFile("a/Plain", null, List.of());
        byte[] patched = LoadTimePatch.augment(plain, 0);
        assertEquals(List.of(), ClassFileOutline.of(patched).nestMembers());
        assertSameStructure(LoadTimeAugmenter.augmentThroughAsm(plain, 0), patched);
    }

    @Test
    void encodesSpareNamesOfANonAsciiClassInModifiedUtf8() throws Exception {
        byte[] host = classFile("spiel/Größe\u20ac", null, List.of("spiel/Größe\u20ac$1"));
        byte[] patched = LoadTimePatch.augment(host, 2);
        assertEquals(List.of("spiel/Größe\u20ac$1", "spiel/Größe\u20ac$2", "spiel/Größe\u20ac$3"),
                ClassShape.read(patched).nestMembers());
        assertSameStructure(LoadTimeAugmenter.augmentThroughAsm(host, 2), patched);
    }

    @Test
    void reusesTheStringsTheConstantPoolHas() {
        byte[] host = classFile("a/Outer", null, List.of("a/Outer$1"));
        byte[] patched = LoadTimePatch.augment(host, 1);
        // Code and NestMembers are there already; new: the accessor's name, descriptor, MethodHandles (name and
        // class), lookup, its name-and-type and method reference, and one spare (name and class).
        assertEquals(ClassFileOutline.of(host).poolCount + 9, ClassFileOutline.of(patched).poolCount);
    }

    @Test
    void leavesModuleDescriptorsOldClassesAndAugmentedClassesAlone() {
        byte[] moduleInfo = JavaBase.classFiles().stream()
                .filter(bytes -> new ClassReader(bytes).getClassName().equals("module-info")).findFirst().orElseThrow();
        assertSame(moduleInfo, LoadTimePatch.augment(moduleInfo, 8));
        ClassWriter java7 = new ClassWriter(0);
        java7.visit(Opcodes.V1_7, Opcodes.ACC_PUBLIC, "a/Old", null, "java/lang/Object", null);
        byte[] old = java7.toByteArray();
        assertSame(old, LoadTimePatch.augment(old, 8));
        byte[] once = LoadTimePatch.augment(classFile("a/Once", null, List.of()), 8);
        assertSame(once, LoadTimePatch.augment(once, 8));
    }

    @Test
    void refusesBytesThatAreNotAClassFile() {
        byte[] valid = classFile("a/Outer", null, List.of());
        ClassFileFormatException magic = assertThrows(ClassFileFormatException.class,
                () -> LoadTimePatch.augment(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 8));
        assertEquals(0, magic.offset());
        assertThrows(ClassFileFormatException.class,
                () -> LoadTimePatch.augment(java.util.Arrays.copyOf(valid, valid.length - 3), 8));
        byte[] unknownTag = valid.clone();
        unknownTag[10] = 42;
        ClassFileFormatException tag = assertThrows(ClassFileFormatException.class,
                () -> LoadTimePatch.augment(unknownTag, 8));
        assertEquals(10, tag.offset());
    }

    @Test
    void warmsUpOnClassFilesItCanPatch() {
        LoadTimePatch.warmUp(); // throws ClassFileFormatException if the class files it makes were malformed
    }

    @Test
    void refusesANegativeSpareCount() {
        assertThrows(IllegalArgumentException.class, () -> LoadTimePatch.augment(classFile("a/A", null, List.of()), -1));
    }

    /** {@return how many classes were patched}, after checking each against the ASM path */
    private static int sameAsAsm(List<byte[]> classFiles) {
        int patched = 0;
        for (byte[] classFile : classFiles) {
            byte[] throughAsm = LoadTimeAugmenter.augmentThroughAsm(classFile, 8);
            byte[] byteLevel = LoadTimePatch.augment(classFile, 8);
            if (throughAsm == classFile) {
                assertSame(classFile, byteLevel, () -> new ClassReader(classFile).getClassName());
            } else {
                assertSameStructure(throughAsm, byteLevel);
                patched++;
            }
        }
        return patched;
    }

    private static void assertSameStructure(byte[] expected, byte[] actual) {
        String name = new ClassReader(expected).getClassName();
        assertEquals(ClassFileText.outline(expected), ClassFileText.outline(actual), name);
        assertArrayEquals(ClassFileText.canonical(expected), ClassFileText.canonical(actual), name);
    }

    private static Map<String, byte[]> compiled(CompilerKind compiler, String fixtureCase) throws IOException {
        Path out = work.resolve(compiler.label()).resolve(fixtureCase);
        if (!Files.isDirectory(out)) {
            compiler.compile(Fixtures.sources(fixtureCase, "v1"), out);
        }
        Map<String, byte[]> classFiles = new HashMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                String relative = out.relativize(file).toString();
                classFiles.put(relative.substring(0, relative.length() - ".class".length()), Files.readAllBytes(file));
            }
        }
        return classFiles;
    }

    /** {@return a class file with a method using Code, and the nest host or members given} */
    private static byte[] classFile(String name, String nestHost, List<String> nestMembers) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object", null);
        if (nestHost != null) {
            writer.visitNestHost(nestHost);
        }
        nestMembers.forEach(writer::visitNestMember);
        writer.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "BIG", "J", null, 1L << 40).visitEnd();
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        method.visitCode();
        method.visitVarInsn(Opcodes.ALOAD, 0);
        method.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        method.visitInsn(Opcodes.RETURN);
        method.visitMaxs(1, 1);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
