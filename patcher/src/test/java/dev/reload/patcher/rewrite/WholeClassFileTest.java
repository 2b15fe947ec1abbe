package dev.reload.patcher.rewrite;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole class files against the ways a watcher catches one: empty, half written, or longer than its structure. */
class WholeClassFileTest {
    @Test
    void aCompiledClassFileIsWhole() throws IOException {
        assertTrue(WholeClassFile.test(classFile(WholeClassFileTest.class)));
        assertTrue(WholeClassFile.test(classFile(ClassFileOutline.class)));
    }

    @Test
    void everyShorterPrefixIsNotWhole() throws IOException {
        byte[] bytes = classFile(WholeClassFileTest.class);
        for (int length = 0; length < bytes.length; length++) {
            assertFalse(WholeClassFile.test(Arrays.copyOf(bytes, length)), "the first " + length + " bytes");
        }
    }

    @Test
    void aFileLongerThanItsStructureIsNotWhole() throws IOException {
        byte[] bytes = classFile(WholeClassFileTest.class);
        assertFalse(WholeClassFile.test(Arrays.copyOf(bytes, bytes.length + 1)));
    }

    @Test
    void aFileThatIsNoClassFileIsNotWhole() {
        assertFalse(WholeClassFile.test("class A {}".getBytes()));
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }
}
