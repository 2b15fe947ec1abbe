package dev.reload.patcher.shape;

import dev.reload.patcher.shape.UnreadableClassException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.objectweb.asm.ClassReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bytes that are no (complete, supported) class file give the typed error, never an unchecked exception. */
class UnreadableInputTest {
    private static byte[] validClassFile() throws IOException {
        try (InputStream in = ClassShape.class.getResourceAsStream("ClassShape.class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void emptyInput() {
        assertReason(Reason.EMPTY, new byte[0]);
    }

    @Test
    void textIsNotAClassFile() {
        assertReason(Reason.NOT_A_CLASS_FILE, "package demo; class Player {}".getBytes());
    }

    @Test
    void everyProperPrefixIsTruncated() throws IOException {
        byte[] valid = validClassFile();
        for (int length = 1; length < valid.length; length++) {
            UnreadableClassException e = assertReason(Reason.TRUNCATED, Arrays.copyOf(valid, length));
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void extraBytesAfterTheEndAreMalformed() throws IOException {
        byte[] valid = validClassFile();
        assertReason(Reason.MALFORMED, Arrays.copyOf(valid, valid.length + 3));
    }

    @Test
    void newerMajorVersionIsUnsupported() throws IOException {
        byte[] file = validClassFile();
        file[6] = 0;
        file[7] = (byte) (ClassFileCheck.MAX_MAJOR + 1);
        UnreadableClassException e = assertReason(Reason.UNSUPPORTED_VERSION, file);
        assertTrue(e.getMessage().contains("Java " + (ClassFileCheck.MAX_MAJOR + 1 - 44)), e.getMessage());
    }

    @Test
    void randomBytesAreNotAClassFile() {
        Random random = new Random(20240601);
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[1 + random.nextInt(400)];
            random.nextBytes(bytes);
            if (bytes[0] == (byte) 0xCA) {
                bytes[0] = 0x50;
            }
            assertReason(Reason.NOT_A_CLASS_FILE, bytes);
        }
    }

    @Test
    void unknownConstantPoolTagIsMalformed() throws IOException {
        byte[] file = validClassFile();
        file[10] = 2;
        UnreadableClassException e = assertReason(Reason.MALFORMED, file);
        assertTrue(e.getMessage().contains("unknown tag 2"), e.getMessage());
    }

    @Test
    void constantPoolIndexOutOfRangeIsMalformed() throws IOException {
        byte[] file = validClassFile();
        int superClass = new ClassReader(file).header + 4;
        file[superClass] = (byte) 0xFF;
        file[superClass + 1] = (byte) 0xFF;
        UnreadableClassException e = assertReason(Reason.MALFORMED, file);
        assertTrue(e.getMessage().startsWith("malformed class file"), e.getMessage());
    }

    @Test
    void randomBytesAfterTheMagicGiveTheTypedErrorOnly() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = new byte[8 + random.nextInt(300)];
            random.nextBytes(bytes);
            bytes[0] = (byte) 0xCA;
            bytes[1] = (byte) 0xFE;
            bytes[2] = (byte) 0xBA;
            bytes[3] = (byte) 0xBE;
            bytes[6] = 0;
            bytes[7] = 61;
            assertThrows(UnreadableClassException.class, () -> ClassShape.read(bytes));
        }
    }

    @Test
    void corruptedValidFilesGiveAShapeOrTheTypedErrorOnly() throws IOException {
        byte[] valid = validClassFile();
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = valid.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                bytes[8 + random.nextInt(bytes.length - 8)] = (byte) random.nextInt(256);
            }
            readOrTypedError(bytes);
        }
    }

    private static void readOrTypedError(byte[] bytes) {
        try {
            ClassShape.read(bytes);
        } catch (UnreadableClassException expected) {
            assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
        }
    }

    private static UnreadableClassException assertReason(Reason reason, byte[] bytes) {
        Executable read = () -> ClassShape.read(bytes);
        UnreadableClassException e = assertThrows(UnreadableClassException.class, read);
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }
}
