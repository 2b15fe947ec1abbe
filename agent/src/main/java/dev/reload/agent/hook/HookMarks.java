package dev.reload.agent.hook;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Tells a class file that may declare an {@code OnReload} hook from one that cannot, by looking at the ends of its
 * constant pool's strings. Apart from {@link HookMethods} so that it can run on the program's loading threads
 * without loading ASM.
 */
public final class HookMarks {
    /** The end of every descriptor of a hook's annotation, as its constant pool entry spells it (ASCII). */
    private static final byte[] DESCRIPTOR_END = (HookMethods.ANNOTATION_SIMPLE_NAME + ";")
            .getBytes(StandardCharsets.US_ASCII);
    private static final int CONSTANT_UTF8 = 1;
    /** The offset of {@code constant_pool_count} (JVMS 4.1): after the magic number and the two version numbers. */
    private static final int POOL_COUNT_OFFSET = 8;

    private HookMarks() {
    }

    /**
     * {@return true when the class file may declare a hook of either kind} An annotation names its type by a
     * {@code CONSTANT_Utf8} entry holding the type's descriptor (JVMS 4.7.16), so only the ends of the pool's
     * strings are compared, one step per entry rather than per byte: this runs for every class a program loads,
     * mostly before the JIT compiles it. Bytes the walk cannot follow are searched whole.
     */
    public static boolean mayDeclareHooks(byte[] classFile) {
        try {
            return anyStringEndsWith(classFile, DESCRIPTOR_END);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return contains(classFile, DESCRIPTOR_END); // not a class file the walk knows: the JVM will say more
        }
    }

    /**
     * {@return true when a UTF-8 entry of the class file's constant pool ends with {@code end}}
     *
     * @throws IllegalArgumentException at a pool entry of a tag JVMS 4.4 does not know
     * @throws ArrayIndexOutOfBoundsException when the pool ends after the bytes
     */
    static boolean anyStringEndsWith(byte[] classFile, byte[] end) {
        int offset = POOL_COUNT_OFFSET + 2;
        for (int index = 1, count = u2(classFile, POOL_COUNT_OFFSET); index < count; index++) {
            int tag = classFile[offset];
            switch (tag) {
                case CONSTANT_UTF8 -> {
                    int length = ((classFile[offset + 1] & 0xFF) << 8) | (classFile[offset + 2] & 0xFF);
                    offset += 3 + length;
                    // The last byte first: most strings end otherwise, and this runs mostly interpreted.
                    if (length >= end.length && classFile[offset - 1] == end[end.length - 1]
                            && Arrays.equals(classFile, offset - end.length, offset, end, 0, end.length)) {
                        return true;
                    }
                }
                case 7, 8, 16, 19, 20 -> offset += 3; // Class, String, MethodType, Module, Package
                case 15 -> offset += 4; // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> offset += 5; // Integer, Float, the refs, NameAndType, Dynamics
                case 5, 6 -> { // Long, Double: take two slots (JVMS 4.4.5)
                    offset += 9;
                    index++;
                }
                default -> throw new IllegalArgumentException("unknown constant pool tag ".concat(Integer.toString(tag)));
            }
        }
        return false;
    }

    /** {@return true when {@code bytes} hold {@code part} somewhere} */
    static boolean contains(byte[] bytes, byte[] part) {
        byte first = part[0];
        for (int i = 0, last = bytes.length - part.length; i <= last; i++) {
            if (bytes[i] == first && Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }

    private static int u2(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
    }
}
