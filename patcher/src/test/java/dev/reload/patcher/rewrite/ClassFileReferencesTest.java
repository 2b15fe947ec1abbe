package dev.reload.patcher.rewrite;

import dev.reload.patcher.rewrite.ClassFileReferences.MemberReference;
import dev.reload.patcher.shape.MemberKey;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The declarations and references of compiled classes, read from their bytes. */
class ClassFileReferencesTest {
    private static final String SAMPLE = "dev/reload/patcher/rewrite/ClassFileReferencesTest$Sample";
    private static final String HELPER = "dev/reload/patcher/rewrite/ClassFileReferencesTest$Helper";

    @Test
    void aClassFileNamesItsSupertypesMembersAndWhatItUses() throws IOException {
        ClassFileReferences sample = ClassFileReferences.ofWhole(classFile(Sample.class));
        assertNotNull(sample);
        assertEquals(SAMPLE, sample.internalName());
        assertEquals("java/lang/Thread", sample.superName());
        assertEquals(List.of("java/lang/Comparable"), sample.interfaces());
        assertTrue(sample.declares(new MemberKey("count", "I")));
        assertTrue(sample.declares(new MemberKey("<init>", "()V")));
        assertTrue(sample.declares(new MemberKey("run", "()V")));
        assertFalse(sample.declares(new MemberKey("run", "(I)V")), "the descriptor is part of the member");
        assertFalse(sample.declares(new MemberKey("getName", "()Ljava/lang/String;")), "inherited, not declared");
        assertTrue(sample.members().contains(new MemberReference(HELPER, new MemberKey("add", "(I)V"))));
        assertTrue(sample.members().contains(new MemberReference(HELPER, new MemberKey("total", "J"))));
        assertTrue(sample.members().contains(new MemberReference(SAMPLE, new MemberKey("count", "I"))));
        assertTrue(sample.members().contains(new MemberReference("java/lang/Thread", new MemberKey("<init>", "()V"))));
        assertTrue(sample.classes().contains(HELPER));
        assertFalse(sample.classes().contains(SAMPLE), "its own class is not another class");
        assertTrue(sample.members().stream().noneMatch(reference -> reference.owner().startsWith("[")),
                "an array's clone is Object's");
    }

    @Test
    void aFileThatIsNotWholeHasNone() throws IOException {
        byte[] bytes = classFile(Sample.class);
        assertNull(ClassFileReferences.ofWhole(Arrays.copyOf(bytes, bytes.length - 1)));
        assertNull(ClassFileReferences.ofWhole(Arrays.copyOf(bytes, bytes.length + 1)));
        assertNull(ClassFileReferences.ofWhole(new byte[0]));
        assertNull(ClassFileReferences.ofWhole("class A {}".getBytes(StandardCharsets.US_ASCII)));
    }

    /** A watcher catches a class file at any length while it is written: none but the last is whole. */
    @Test
    void everyShorterPrefixIsNotWhole() throws IOException {
        byte[] bytes = classFile(ClassFileOutline.class);
        assertNotNull(ClassFileReferences.ofWhole(bytes));
        for (int length = 0; length < bytes.length; length++) {
            assertNull(ClassFileReferences.ofWhole(Arrays.copyOf(bytes, length)), "the first " + length + " bytes");
        }
    }

    @Test
    void aFileWithAnyOneByteChangedIsReadOrRefusedWithoutAnException() throws IOException {
        byte[] bytes = classFile(Sample.class);
        for (int i = 0; i < bytes.length; i++) {
            for (int flip : new int[] {0x01, 0x80, 0xFF}) {
                byte[] changed = bytes.clone();
                changed[i] ^= (byte) flip;
                ClassFileReferences.ofWhole(changed); // a watcher's thread reads whatever a build leaves
            }
        }
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        String name = type.getName();
        try (InputStream in = type.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
            return in.readAllBytes();
        }
    }

    /** Uses members of another class, its own field, its superclass's constructor and an array's clone. */
    static final class Sample extends Thread implements Comparable<Sample> {
        private int count;

        @Override
        public void run() {
            Helper.add(count);
            Helper[] copies = new Helper[0].clone();
            count += (int) Helper.total + copies.length;
        }

        @Override
        public int compareTo(Sample other) {
            return Integer.compare(count, other.count);
        }
    }

    static final class Helper {
        static long total;

        private Helper() {
        }

        static void add(int amount) {
            total += amount;
        }
    }
}
