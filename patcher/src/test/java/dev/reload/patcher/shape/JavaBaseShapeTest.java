package dev.reload.patcher.shape;

import dev.reload.fixtures.harness.Jdks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every class of java.base (of the running JDK and of each test JDK, 25 included) has a shape, and ASM
 * rewriting a class without change does not change it.
 */
class JavaBaseShapeTest {
    private static List<byte[]> classFiles;

    @BeforeAll
    static void readJavaBase() {
        classFiles = JavaBase.classFiles();
        assertTrue(classFiles.size() > 3000, "java.base should have thousands of classes, found " + classFiles.size());
    }

    @Test
    void everyClassOfJavaBaseHasAShape() {
        List<String> failures = new ArrayList<>();
        for (byte[] file : classFiles) {
            try {
                ClassShape shape = ClassShape.read(file);
                assertEquals(shape, ClassShape.read(file), "reading twice gives equal shapes");
            } catch (UnreadableClassException e) {
                failures.add(new ClassReader(file).getClassName() + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void everyClassOfEachTestJdksJavaBaseHasAShape(Path jdk) throws UnreadableClassException {
        List<byte[]> files = JavaBase.classFiles(jdk);
        assertTrue(files.size() > 3000, jdk + " java.base has " + files.size() + " classes");
        int newest = 0;
        for (byte[] file : files) {
            newest = Math.max(newest, ClassShape.read(file).majorVersion());
        }
        assertEquals(Jdks.featureVersion(jdk) + 44, newest, "java.base of " + jdk + " is compiled for its own release");
    }

    @Test
    void shapeEqualsTheShapeOfANoOpAsmRoundTrip() throws UnreadableClassException {
        int compared = 0;
        for (byte[] file : classFiles) {
            // A writer without the reader rebuilds the constant pool and re-encodes every instruction
            // (ldc/ldc_w, jump offsets), which is what a shape must not see.
            ClassWriter writer = new ClassWriter(0);
            new ClassReader(file).accept(writer, 0);
            byte[] rewritten = writer.toByteArray();
            assertEquals(ClassShape.read(file).toString(), ClassShape.read(rewritten).toString());
            assertEquals(ClassShape.read(file), ClassShape.read(rewritten));
            compared++;
        }
        assertEquals(classFiles.size(), compared);
    }

    @Test
    void shapeKeepsWhatTheClassFileSays() throws UnreadableClassException {
        ClassShape string = ClassShape.read(classFiles.stream()
                .filter(f -> new ClassReader(f).getClassName().equals("java/lang/String")).findFirst().orElseThrow());
        assertEquals("java.lang.String", string.binaryName());
        assertEquals("java/lang/Object", string.superName());
        assertTrue(string.interfaces().contains("java/lang/CharSequence"));
        assertTrue(string.method("length", "()I").orElseThrow().codeHash() != 0);
        assertEquals("[B", string.field("value").orElseThrow().descriptor());
        assertEquals(0L, string.field("serialVersionUID").map(f -> (Long) f.constantValue()).orElseThrow() - -6849794470754667710L);
    }
}
