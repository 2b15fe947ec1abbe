package dev.reload.patcher.rewrite;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where the parts of a class file are (JVMS 4.1), found in one pass over its bytes without decoding more than a
 * byte-level edit needs: the constant pool entries' offsets, the methods table, the class attributes, and the
 * pool indices of the few UTF-8 strings {@link LoadTimePatch} adds (so it can reuse them). Cheap enough to run
 * for every class a program loads, on the loading thread, before the JIT has compiled it.
 */
final class ClassFileOutline {
    static final int CONSTANT_UTF8 = 1;
    static final int CONSTANT_CLASS = 7;
    static final int CONSTANT_FIELDREF = 9;
    static final int CONSTANT_METHODREF = 10;
    static final int CONSTANT_INTERFACE_METHODREF = 11;
    static final int CONSTANT_NAME_AND_TYPE = 12;
    private static final int MAGIC = 0xCAFEBABE;
    private static final int ACC_MODULE = 0x8000;

    /** The UTF-8 strings looked for in the pool, in the order of the {@code *_STRING} indices below. */
    private static final byte[][] WANTED = ascii(RuntimeNames.ACCESSOR_NAME, RuntimeNames.ACCESSOR_DESCRIPTOR,
            "java/lang/invoke/MethodHandles", "lookup", "Code", "NestMembers", "NestHost");
    static final int ACCESSOR_NAME_STRING = 0;
    static final int ACCESSOR_DESCRIPTOR_STRING = 1;
    static final int METHOD_HANDLES_STRING = 2;
    static final int LOOKUP_STRING = 3;
    static final int CODE_STRING = 4;
    static final int NEST_MEMBERS_STRING = 5;
    private static final int NEST_HOST_STRING = 6;
    /**
     * Bit {@code n} set when a wanted string is {@code n} bytes long (every one is shorter than 64): the pool walk
     * compares a UTF-8 entry with the wanted strings only when its length is one of theirs, which few entries' is.
     * This walk runs for every class a program loads, mostly interpreted, where each step counts.
     */
    private static final long WANTED_LENGTHS = lengthBits(WANTED);

    final byte[] bytes;
    final int majorVersion;
    /** {@code constant_pool_count}: one more than the highest pool index. */
    final int poolCount;
    /** The offset of each pool entry's tag byte by index; 0 for index 0 and the slot after a long or double. */
    private final int[] poolOffsets;
    /** For each of {@link #WANTED}, the index of a UTF-8 entry holding it, or 0 when the pool has none. */
    private final int[] wantedIndex = new int[WANTED.length];
    /** The offset of {@code access_flags}, just after the pool. */
    final int poolEnd;
    final int access;
    final int thisClass;
    /** The offset of {@code methods_count}. */
    final int methodsCountOffset;
    /** The offset of the class's {@code attributes_count}, just after the methods. */
    final int attributesCountOffset;
    /** The offset of the {@code NestHost} and {@code NestMembers} attributes (their name index), or -1. */
    final int nestHostAttribute;
    final int nestMembersAttribute;
    final boolean hasAccessor;
    /** The offset just after the class's last attribute: where the class file ends. */
    final int end;

    private ClassFileOutline(byte[] bytes) {
        this.bytes = bytes;
        if (bytes.length < 10 || u4(0) != MAGIC) {
            throw new ClassFileFormatException(0, "not a class file (no 0xCAFEBABE)");
        }
        majorVersion = u2(6);
        poolCount = u2(8);
        poolOffsets = new int[poolCount];
        poolEnd = readPool();
        access = u2(poolEnd);
        thisClass = u2(poolEnd + 2);
        int fields = poolEnd + 8 + 2 * u2(poolEnd + 6);
        methodsCountOffset = skipMembers(fields, false);
        boolean[] accessor = new boolean[1];
        attributesCountOffset = skipMembers(methodsCountOffset, true, accessor);
        hasAccessor = accessor[0];
        int host = -1;
        int members = -1;
        int offset = attributesCountOffset + 2;
        for (int i = u2(attributesCountOffset); i > 0; i--) {
            int name = u2(offset);
            if (utf8Equals(name, NEST_HOST_STRING)) {
                host = offset;
            } else if (utf8Equals(name, NEST_MEMBERS_STRING)) {
                members = offset;
            }
            offset = checked(offset + 6 + u4(offset + 2));
        }
        nestHostAttribute = host;
        nestMembersAttribute = members;
        end = offset;
    }

    /**
     * {@return the outline of a class file}
     *
     * @param classFile the bytes, never null; not modified, kept
     * @throws ClassFileFormatException when the bytes are not a class file this outline can walk
     */
    static ClassFileOutline of(byte[] classFile) {
        try {
            return new ClassFileOutline(classFile);
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new ClassFileFormatException(classFile.length, "class file ends too early");
        }
    }

    /** {@return true when the class file is a module descriptor, {@code module-info}} */
    boolean isModule() {
        return (access & ACC_MODULE) != 0;
    }

    /** {@return the index of a UTF-8 entry holding one of the wanted strings, or 0 when the pool has none} */
    int wanted(int which) {
        return wantedIndex[which];
    }

    /** {@return the bytes of the wanted string {@code which}, as the pool stores them} */
    static byte[] wantedBytes(int which) {
        return WANTED[which];
    }

    /** {@return the internal name of this class} */
    String internalName() {
        return className(thisClass);
    }

    /** {@return the offset of the UTF-8 pool entry holding this class's internal name} */
    int internalNameEntry() {
        return entry(u2(entry(thisClass, CONSTANT_CLASS) + 1), CONSTANT_UTF8);
    }

    /** {@return the length in bytes of this class's internal name, as the pool stores it} */
    int internalNameLength() {
        return u2(internalNameEntry() + 1);
    }

    /** {@return the internal name the {@code NestHost} attribute names, or null without one} */
    String nestHost() {
        return nestHostAttribute < 0 ? null : className(u2(nestHostAttribute + 6));
    }

    /** {@return the internal names the {@code NestMembers} attribute lists, in order; empty without one} */
    List<String> nestMembers() {
        List<String> members = new ArrayList<>();
        if (nestMembersAttribute >= 0) {
            int count = u2(nestMembersAttribute + 6);
            for (int i = 0; i < count; i++) {
                members.add(className(u2(nestMembersAttribute + 8 + 2 * i)));
            }
        }
        return members;
    }

    /** {@return true when a {@code CONSTANT_Class} entry of the pool names one of the classes} */
    boolean namesAnyClass(Set<String> internalNames) {
        return namesAny(CONSTANT_CLASS, internalNames);
    }

    /** {@return true when a {@code CONSTANT_NameAndType} entry of the pool (JVMS 4.4.6) names a member so named} */
    boolean namesAnyMember(Set<String> memberNames) {
        return namesAny(CONSTANT_NAME_AND_TYPE, memberNames);
    }

    /**
     * Adds to {@code found} each name of a member that a {@code CONSTANT_NameAndType} entry of the pool names and that
     * is one of {@code names} or begins with one of {@code prefixes}.
     */
    void memberNamesAmong(Set<String> names, List<String> prefixes, Set<String> found) {
        for (int index = 1; index < poolCount; index++) {
            int offset = poolOffsets[index];
            if (offset != 0 && bytes[offset] == CONSTANT_NAME_AND_TYPE) {
                String name = utf8(u2(offset + 1));
                if (names.contains(name) || startsWithAny(name, prefixes)) {
                    found.add(name);
                }
            }
        }
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** {@return true when an entry with the tag, whose first item is the index of a name, names one of them} */
    private boolean namesAny(int tag, Set<String> names) {
        for (int index = 1; index < poolCount; index++) {
            int offset = poolOffsets[index];
            if (offset != 0 && bytes[offset] == tag && names.contains(utf8(u2(offset + 1)))) {
                return true;
            }
        }
        return false;
    }

    /** {@return the offset of pool entry {@code index}'s tag byte; 0 for the slot after a long or double} */
    int poolOffset(int index) {
        return poolOffsets[index];
    }

    int u2(int offset) {
        return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
    }

    int u4(int offset) {
        return (u2(offset) << 16) | u2(offset + 2);
    }

    private int readPool() {
        int offset = 10;
        for (int index = 1; index < poolCount; index++) {
            poolOffsets[index] = offset;
            int tag = bytes[offset];
            switch (tag) {
                case CONSTANT_UTF8 -> {
                    int length = ((bytes[offset + 1] & 0xFF) << 8) | (bytes[offset + 2] & 0xFF);
                    if (length < Long.SIZE && (WANTED_LENGTHS & (1L << length)) != 0) {
                        noteWanted(index, offset + 3, length);
                    }
                    offset += 3 + length;
                }
                case CONSTANT_CLASS, 8, 16, 19, 20 -> offset += 3; // String, MethodType, Module, Package
                case 15 -> offset += 4; // MethodHandle
                case 3, 4, CONSTANT_FIELDREF, CONSTANT_METHODREF, CONSTANT_INTERFACE_METHODREF,
                        CONSTANT_NAME_AND_TYPE, 17, 18 -> offset += 5;
                case 5, 6 -> { // Long, Double: take two slots (JVMS 4.4.5)
                    offset += 9;
                    index++;
                }
                default -> throw new ClassFileFormatException(offset, "unknown constant pool tag " + tag);
            }
        }
        return checked(offset);
    }

    private void noteWanted(int index, int start, int length) {
        for (int which = 0; which < WANTED.length; which++) {
            if (wantedIndex[which] == 0 && WANTED[which].length == length && sameBytes(start, WANTED[which])) {
                wantedIndex[which] = index;
            }
        }
    }

    private int skipMembers(int countOffset, boolean methods) {
        return skipMembers(countOffset, methods, new boolean[1]);
    }

    /** {@return the offset after a fields or methods table}; notes in {@code accessor} whether it holds the accessor */
    private int skipMembers(int countOffset, boolean methods, boolean[] accessor) {
        boolean lookForAccessor = methods && wantedIndex[ACCESSOR_NAME_STRING] != 0
                && wantedIndex[ACCESSOR_DESCRIPTOR_STRING] != 0;
        int offset = countOffset + 2;
        for (int i = u2(countOffset); i > 0; i--) {
            if (lookForAccessor && utf8Equals(u2(offset + 2), ACCESSOR_NAME_STRING)
                    && utf8Equals(u2(offset + 4), ACCESSOR_DESCRIPTOR_STRING)) {
                accessor[0] = true;
            }
            int attributes = u2(offset + 6);
            offset += 8;
            for (int a = 0; a < attributes; a++) {
                offset = checked(offset + 6 + u4(offset + 2));
            }
        }
        return checked(offset);
    }

    /** {@return true when pool entry {@code index} is a UTF-8 entry holding the wanted string {@code which}} */
    private boolean utf8Equals(int index, int which) {
        if (index == wantedIndex[which]) {
            return index != 0;
        }
        int offset = entry(index, CONSTANT_UTF8);
        return u2(offset + 1) == WANTED[which].length && sameBytes(offset + 3, WANTED[which]);
    }

    String className(int classIndex) {
        return utf8(classNameIndex(classIndex));
    }

    /**
     * {@return true when a {@code CONSTANT_Class} entry names the class whose internal name has these ASCII bytes},
     * compared without decoding a string
     */
    boolean classNameIs(int classIndex, byte[] internalName) {
        int offset = entry(classNameIndex(classIndex), CONSTANT_UTF8);
        return u2(offset + 1) == internalName.length && sameBytes(offset + 3, internalName);
    }

    /** {@return the index of the UTF-8 entry a {@code CONSTANT_Class} entry names} */
    int classNameIndex(int classIndex) {
        return u2(entry(classIndex, CONSTANT_CLASS) + 1);
    }

    /** {@return the string of a UTF-8 entry, decoding the JVM's modified UTF-8 (JVMS 4.4.7)} */
    String utf8(int index) {
        int offset = entry(index, CONSTANT_UTF8);
        int length = u2(offset + 1);
        int start = offset + 3;
        boolean ascii = true;
        for (int i = start; i < start + length && ascii; i++) {
            ascii = bytes[i] > 0;
        }
        if (ascii) {
            return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        }
        StringBuilder text = new StringBuilder(length);
        for (int i = start; i < start + length; ) {
            int b = bytes[i++] & 0xFF;
            if (b < 0x80) {
                text.append((char) b);
            } else if (b < 0xE0) {
                text.append((char) (((b & 0x1F) << 6) | (bytes[i++] & 0x3F)));
            } else {
                text.append((char) (((b & 0x0F) << 12) | ((bytes[i++] & 0x3F) << 6) | (bytes[i++] & 0x3F)));
            }
        }
        return text.toString();
    }

    private int entry(int index, int tag) {
        if (index <= 0 || index >= poolCount || poolOffsets[index] == 0 || bytes[poolOffsets[index]] != tag) {
            throw new ClassFileFormatException(poolEnd, "constant pool index " + index + " is not of tag " + tag);
        }
        return poolOffsets[index];
    }

    private boolean sameBytes(int start, byte[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (bytes[start + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private int checked(int offset) {
        if (offset > bytes.length || offset < 0) {
            throw new ClassFileFormatException(bytes.length, "class file ends too early");
        }
        return offset;
    }

    private static long lengthBits(byte[][] strings) {
        long bits = 0;
        for (byte[] string : strings) {
            if (string.length >= Long.SIZE) {
                throw new IllegalStateException("a wanted string of " + string.length + " bytes needs a wider mask");
            }
            bits |= 1L << string.length;
        }
        return bits;
    }

    private static byte[][] ascii(String... strings) {
        byte[][] encoded = new byte[strings.length][];
        for (int i = 0; i < strings.length; i++) {
            encoded[i] = strings[i].getBytes(StandardCharsets.US_ASCII);
        }
        return encoded;
    }
}
