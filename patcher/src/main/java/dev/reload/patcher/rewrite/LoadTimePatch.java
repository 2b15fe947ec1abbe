package dev.reload.patcher.rewrite;

import java.util.List;

/**
 * Makes {@link LoadTimeAugmenter#augment}'s additions by editing the class file's bytes in place of an ASM read
 * and write: appends the constant pool entries the additions need (reusing UTF-8 entries the pool has), the
 * accessor's {@code method_info} after the last method, and the spare names to the {@code NestMembers} attribute
 * (JVMS 4.7.29), or a new such attribute. Everything else is copied as it is, byte for byte, so the result is the
 * class ASM would write, up to the order of the constant pool. A class with a {@code NestHost} attribute (JVMS
 * 4.7.28) gets no {@code NestMembers}: a nest member cannot be a host. Loads no ASM class, so a class file
 * transformer can call it from the program's start without loading ASM.
 */
public final class LoadTimePatch {
    private static final int OLDEST_MAJOR_VERSION = 52;
    private static final int ACCESSOR_ACCESS = 0x0002 | 0x0008 | 0x1000; // private static synthetic
    private static final int INVOKESTATIC = 0xB8;
    private static final int ARETURN = 0xB0;
    /** The accessor's {@code Code} attribute after its name and length: max_stack 1, max_locals 0, 4 bytes of code. */
    private static final int ACCESSOR_CODE_LENGTH = 2 + 2 + 4 + 4 + 2 + 2;
    private static final int MAX_U2 = 0xFFFF;

    /** The accessor's {@code method_info}: access, name, descriptor, one attribute, and its {@code Code}. */
    private static final int ACCESSOR_METHOD_LENGTH = 8 + 6 + ACCESSOR_CODE_LENGTH;

    private final ClassFileOutline outline;
    private final ByteSink appended;
    private int nextIndex;

    private LoadTimePatch(ClassFileOutline outline, int spareNestMembers) {
        this.outline = outline;
        this.nextIndex = outline.poolCount;
        // Each spare: a UTF-8 entry of the class's name, '$' and a number, and a class entry.
        this.appended = new ByteSink(128 + spareNestMembers * (outline.internalNameLength() + 12));
    }

    /**
     * {@return the class file with the accessor and spare nest members added, or the very same array when the
     * class needs nothing or cannot take them} The same contract as {@link LoadTimeAugmenter#augment}.
     *
     * @param classFile a class file, never null; not modified
     * @param spareNestMembers how many {@code Outer$N} names to add beyond the highest listed, 0 or more
     * @throws ClassFileFormatException when the bytes are not a class file the editor can walk
     * @throws IllegalArgumentException when {@code spareNestMembers} is negative
     */
    public static byte[] augment(byte[] classFile, int spareNestMembers) {
        if (spareNestMembers < 0) {
            throw new IllegalArgumentException("spareNestMembers must be 0 or more, not " + spareNestMembers);
        }
        ClassFileOutline outline = ClassFileOutline.of(classFile);
        if (outline.majorVersion < OLDEST_MAJOR_VERSION || outline.isModule() || outline.hasAccessor) {
            return classFile;
        }
        return new LoadTimePatch(outline, spareNestMembers).write(spareNestMembers);
    }

    /**
     * Runs the edit once on two small class files made here, one listing a nest member and one not, so that every
     * class the edit uses is loaded before it runs inside a class file transformer, where loading one would recurse.
     */
    public static void warmUp() {
        for (boolean listsMember : new boolean[] {false, true}) {
            ByteSink pool = new ByteSink(64);
            pool.u1(ClassFileOutline.CONSTANT_UTF8).u2(1).u1('W').u1(ClassFileOutline.CONSTANT_CLASS).u2(1);
            pool.u1(ClassFileOutline.CONSTANT_UTF8).u2(16).bytes(ModifiedUtf8.encode("java/lang/Object"), 0, 16);
            pool.u1(ClassFileOutline.CONSTANT_CLASS).u2(3);
            pool.u1(ClassFileOutline.CONSTANT_UTF8).u2(3).bytes(ModifiedUtf8.encode("W$9"), 0, 3);
            pool.u1(ClassFileOutline.CONSTANT_CLASS).u2(5);
            pool.u1(ClassFileOutline.CONSTANT_UTF8).u2(11).bytes(ClassFileOutline.wantedBytes(
                    ClassFileOutline.NEST_MEMBERS_STRING), 0, 11);
            ByteSink classFile = new ByteSink(128).u4(0xCAFEBABE).u2(0).u2(OLDEST_MAJOR_VERSION).u2(8).bytes(pool);
            classFile.u2(0x0021).u2(2).u2(4).u2(0).u2(0).u2(0);
            if (listsMember) {
                classFile.u2(1).u2(7).u4(4).u2(1).u2(6);
            } else {
                classFile.u2(0);
            }
            ClassFileOutline.of(augment(classFile.toByteArray(), 1)).nestMembers();
        }
    }

    /**
     * Appends the pool entries of the spare nest member names, {@return the indices of their class entries; none
     * for a nest member}. For a class that lists no nest members (most classes), the names {@link SpareNestMembers}
     * would give are copied from the pool's bytes of the class name, with no string decoded, encoded or made: this
     * runs for every class a program loads, mostly interpreted, where each call and allocation counts.
     */
    private int[] spareClasses(int spare) {
        if (outline.nestHostAttribute >= 0) {
            return new int[0];
        }
        if (outline.nestMembersAttribute >= 0) {
            List<String> names = SpareNestMembers.names(outline.internalName(), outline.nestMembers(), spare);
            int[] classes = new int[names.size()];
            for (int i = 0; i < classes.length; i++) {
                classes[i] = classEntry(newUtf8(ModifiedUtf8.encode(names.get(i))));
            }
            return classes;
        }
        int name = outline.internalNameEntry();
        int length = outline.u2(name + 1);
        int firstName = nextIndex;
        for (int n = 1; n <= spare; n++) {
            appended.u1(ClassFileOutline.CONSTANT_UTF8).u2(length + 1 + decimalDigits(n))
                    .bytes(outline.bytes, name + 3, length).u1('$');
            decimal(n);
            nextIndex++;
        }
        int[] classes = new int[spare];
        for (int i = 0; i < spare; i++) {
            classes[i] = classEntry(firstName + i);
        }
        return classes;
    }

    /** Appends the ASCII digits of {@code n}, 0 or more. */
    private void decimal(int n) {
        if (n >= 10) {
            decimal(n / 10);
        }
        appended.u1('0' + n % 10);
    }

    private static int decimalDigits(int n) {
        int digits = 1;
        for (int rest = n; rest >= 10; rest /= 10) {
            digits++;
        }
        return digits;
    }

    private byte[] write(int spare) {
        int name = utf8(ClassFileOutline.ACCESSOR_NAME_STRING);
        int descriptor = utf8(ClassFileOutline.ACCESSOR_DESCRIPTOR_STRING);
        int code = utf8(ClassFileOutline.CODE_STRING);
        int lookup = methodref(classEntry(utf8(ClassFileOutline.METHOD_HANDLES_STRING)),
                nameAndType(utf8(ClassFileOutline.LOOKUP_STRING), descriptor));
        int[] spareClasses = spareClasses(spare);
        boolean newNestMembers = spareClasses.length > 0 && outline.nestMembersAttribute < 0;
        int nestMembersName = newNestMembers ? utf8(ClassFileOutline.NEST_MEMBERS_STRING) : 0;
        int methodCount = outline.u2(outline.methodsCountOffset) + 1;
        if (nextIndex > MAX_U2 || methodCount > MAX_U2) {
            return outline.bytes; // no room for the additions: the class loads as it is
        }
        byte[] in = outline.bytes;
        int nestMembersGrowth = newNestMembers ? 8 + 2 * spareClasses.length
                : outline.nestMembersAttribute >= 0 ? 2 * spareClasses.length : 0;
        ByteSink out = new ByteSink(in.length + appended.size() + ACCESSOR_METHOD_LENGTH + nestMembersGrowth);
        out.bytes(in, 0, 8).u2(nextIndex).bytes(in, 10, outline.poolEnd - 10).bytes(appended);
        out.bytes(in, outline.poolEnd, outline.methodsCountOffset - outline.poolEnd).u2(methodCount);
        out.bytes(in, outline.methodsCountOffset + 2, outline.attributesCountOffset - outline.methodsCountOffset - 2);
        out.u2(ACCESSOR_ACCESS).u2(name).u2(descriptor).u2(1);
        out.u2(code).u4(ACCESSOR_CODE_LENGTH).u2(1).u2(0).u4(4)
                .u1(INVOKESTATIC).u2(lookup).u1(ARETURN).u2(0).u2(0);
        out.u2(outline.u2(outline.attributesCountOffset) + (newNestMembers ? 1 : 0));
        int attributes = outline.attributesCountOffset + 2;
        int nestMembers = outline.nestMembersAttribute;
        if (nestMembers >= 0 && spareClasses.length > 0) {
            out.bytes(in, attributes, nestMembers - attributes);
            int listed = outline.u2(nestMembers + 6);
            out.u2(outline.u2(nestMembers)).u4(2 + 2 * (listed + spareClasses.length)).u2(listed + spareClasses.length);
            out.bytes(in, nestMembers + 8, 2 * listed);
            out.u2s(spareClasses);
            attributes = nestMembers + 6 + outline.u4(nestMembers + 2);
        }
        out.bytes(in, attributes, in.length - attributes);
        if (newNestMembers) {
            out.u2(nestMembersName).u4(2 + 2 * spareClasses.length).u2(spareClasses.length);
            out.u2s(spareClasses);
        }
        return out.toByteArray();
    }

    /** {@return the index of a UTF-8 entry holding the wanted string, the pool's own when it has one} */
    private int utf8(int which) {
        int existing = outline.wanted(which);
        return existing != 0 ? existing : newUtf8(ClassFileOutline.wantedBytes(which));
    }

    private int newUtf8(byte[] encoded) {
        appended.u1(ClassFileOutline.CONSTANT_UTF8).u2(encoded.length).bytes(encoded, 0, encoded.length);
        return nextIndex++;
    }

    private int classEntry(int nameIndex) {
        appended.u1(ClassFileOutline.CONSTANT_CLASS).u2(nameIndex);
        return nextIndex++;
    }

    private int nameAndType(int nameIndex, int descriptorIndex) {
        appended.u1(ClassFileOutline.CONSTANT_NAME_AND_TYPE).u2(nameIndex).u2(descriptorIndex);
        return nextIndex++;
    }

    private int methodref(int classIndex, int nameAndTypeIndex) {
        appended.u1(ClassFileOutline.CONSTANT_METHODREF).u2(classIndex).u2(nameAndTypeIndex);
        return nextIndex++;
    }
}
