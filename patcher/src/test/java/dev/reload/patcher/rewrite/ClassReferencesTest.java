package dev.reload.patcher.rewrite;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which members a compiled class names, read from its constant pool. */
class ClassReferencesTest {
    private static final String LIGHT_SWITCH_MAP = "$SwitchMap$dev$reload$patcher$rewrite$ClassReferencesTest$Light";

    @Test
    void aClassFileNamesTheFieldsItReadsAndNotTheConstantsCopiedIntoIt() throws IOException {
        Set<String> found = ClassReferences.memberNamesAmong(classFile(Reader.class),
                Set.of("COLORS", "plain", "NAME", "missing"), List.of());
        assertEquals(Set.of("COLORS", "plain"), found, "javac copies the String constant NAME, it reads no field");
    }

    @Test
    void aPrefixFindsEveryNameThatBeginsWithIt() throws IOException {
        Set<String> found = ClassReferences.memberNamesAmong(classFile(Reader.class), Set.of(), List.of("$SwitchMap$"));
        assertEquals(Set.of(LIGHT_SWITCH_MAP), found);
        assertTrue(ClassReferences.namesAnyMember(classFile(Reader.class), found), "the same walk as namesAnyMember");
    }

    @Test
    void nothingAskedReadsNothing() {
        byte[] notAClassFile = "class A {}".getBytes(StandardCharsets.US_ASCII);
        assertEquals(Set.of(), ClassReferences.memberNamesAmong(notAClassFile, Set.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ClassReferences.memberNamesAmong(notAClassFile, Set.of("COLORS"), List.of()));
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        String name = type.getName();
        try (InputStream in = type.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
            return in.readAllBytes();
        }
    }

    enum Light { RED, GREEN }

    static final class Palette {
        static final int[] COLORS = {1, 2};
        static final String NAME = "day";
        static int plain;
    }

    static final class Reader {
        String read(Light light) {
            int sum = Palette.COLORS[0] + Palette.plain;
            switch (light) {
                case RED:
                    return Palette.NAME + sum;
                default:
                    return Palette.NAME + -sum;
            }
        }
    }
}
