package dev.reload.patcher.rewrite;

import java.util.List;

/**
 * Makes {@link LoadTimeAugmenter#augment}'s additions by editing the class file's bytes in place of an ASM read
 * and write: appends the constant pool entries the additions need (reusing UTF-8 entries the pool has), the
 * accessor's {@code method_info} after the last method, and the spare names to the {@code NestMembers} attribute
 * (JVMS 4.7.29), or a new such attribute. Everything else is copied as it is, byte for byte, so the result is the
 * class ASM would write, up to the order of the constant pool. A class with a {@code NestHost} attribute (JVMS
 * 4.7.28) gets no {@code NestMembers}: a nest member cannot be a host.
 */
final class LoadTimePatch {
    private static final int OLDEST_MAJOR_VERSION = 52;
    private static final int ACCESSOR_ACCESS = 0x0002 | 0x0008 | 0x1000; // private static synthetic
    private static final int INVOKESTATIC = 0xB8;
    private static final int ARETURN = 0xB0;
    /** The accessor's {@code Code} attribute after its name and length: max_stack 1, max_locals 0, 4 bytes of code. */
    private static final int ACCESSOR_CODE_LENGTH = 2 + 2 + 4 + 4 + 2 + 2;
    private static final int MAX_U2 = 0xFFFF;

    private final ClassFileOutline outline;
    private final ByteSink appended = new ByteSink(256);
    private int nextIndex;

    private LoadTimePatch(ClassFileOutline outline) {
        this.outline = outline;
        this.nextIndex = outline.poolCount;
    }

    /**
     * {@return the class file with the accessor and spare nest members added, or the very same array when the
     * class needs nothing or cannot take them} The same contract as {@link LoadTimeAugmenter#augment}.
     *
     * @param classFile a class file, never null; not modified
     * @param spareNestMembers how many {@code Outer$N} names to add beyond the highest listed, 0 or more
     * @throws ClassFileFormatException when the bytes are not a class file the editor can walk
     */
    static byte[] augment(byte[] classFile, int spareNestMembers) {
        ClassFileOutline outline = ClassFileOutline.of(classFile);
        if (outline.majorVersion < OLDEST_MAJOR_VERSION || outline.isModule() || outline.hasAccessor) {
            return classFile;
        }
        List<String> spares = outline.nestHostAttribute >= 0 ? List.of()
                : SpareNestMembers.names(outline.internalName(), outline.nestMembers(), spareNestMembers);
        return new LoadTimePatch(outline).write(spares);
    }

    private byte[] write(List<String> spares) {
        int name = utf8(ClassFileOutline.ACCESSOR_NAME_STRING);
        int descriptor = utf8(ClassFileOutline.ACCESSOR_DESCRIPTOR_STRING);
        int code = utf8(ClassFileOutline.CODE_STRING);
        int lookup = methodref(classEntry(utf8(ClassFileOutline.METHOD_HANDLES_STRING)),
                nameAndType(utf8(ClassFileOutline.LOOKUP_STRING), descriptor));
        int[] spareClasses = new int[spares.size()];
        for (int i = 0; i < spareClasses.length; i++) {
            spareClasses[i] = classEntry(utf8(spares.get(i)));
        }
        boolean newNestMembers = spareClasses.length > 0 && outline.nestMembersAttribute < 0;
        int nestMembersName = newNestMembers ? utf8(ClassFileOutline.NEST_MEMBERS_STRING) : 0;
        int methodCount = outline.u2(outline.methodsCountOffset) + 1;
        if (nextIndex > MAX_U2 || methodCount > MAX_U2) {
            return outline.bytes; // no room for the additions: the class loads as it is
        }
        byte[] in = outline.bytes;
        ByteSink out = new ByteSink(in.length + appended.size() + 64 + 2 * spareClasses.length);
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

    private int utf8(String text) {
        return newUtf8(ModifiedUtf8.encode(text));
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
