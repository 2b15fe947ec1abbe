package dev.reload.patcher.rewrite;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Points a class file's lambda bootstraps ({@code LambdaMetafactory.metafactory} and {@code altMetafactory}) at the
 * runtime's {@link RuntimeNames#LAMBDA_FACTORIES}, which gives a lambda linked again the call site it had.
 *
 * <p>Every redefinition makes each {@code invokedynamic} of the class link again, and {@code LambdaMetafactory}
 * spins a new lambda class each time, which its class loader keeps for good: a class per lambda per reload,
 * hundreds of kilobytes of metaspace over a day of saves. The edit is made on bytes, without decoding methods: two
 * pool entries are appended (the runtime class's name) and the {@code Methodref}s of the two bootstraps point at
 * them, so the bootstrap methods keep their name and descriptor and nothing else of the class changes.
 */
public final class SharedLambdaSites {
    private static final Set<String> BOOTSTRAPS = Set.of("metafactory", "altMetafactory");
    private static final byte[] FACTORIES = RuntimeNames.LAMBDA_FACTORIES.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] METAFACTORY = RuntimeNames.LAMBDA_METAFACTORY.getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_POOL_COUNT = 0xFFFF;

    private SharedLambdaSites() {
    }

    /**
     * {@return the class file with its lambda bootstraps pointed at the runtime, or the same array when it has
     * none (or no room in its constant pool for the two entries)}
     *
     * @param classFile a class file, never null; not modified
     * @throws ClassFileFormatException when the bytes are not a class file
     */
    public static byte[] pointedAtRuntime(byte[] classFile) {
        ClassFileOutline outline = ClassFileOutline.of(classFile);
        List<Integer> bootstraps = bootstrapMethodrefs(outline);
        if (bootstraps.isEmpty() || outline.poolCount + 2 > MAX_POOL_COUNT) {
            return classFile;
        }
        int nameIndex = outline.poolCount;
        int classIndex = nameIndex + 1;
        byte[] added = new byte[3 + FACTORIES.length + 3];
        added[0] = ClassFileOutline.CONSTANT_UTF8;
        putU2(added, 1, FACTORIES.length);
        System.arraycopy(FACTORIES, 0, added, 3, FACTORIES.length);
        added[3 + FACTORIES.length] = ClassFileOutline.CONSTANT_CLASS;
        putU2(added, 4 + FACTORIES.length, nameIndex);

        byte[] patched = new byte[classFile.length + added.length];
        System.arraycopy(classFile, 0, patched, 0, outline.poolEnd);
        System.arraycopy(added, 0, patched, outline.poolEnd, added.length);
        System.arraycopy(classFile, outline.poolEnd, patched, outline.poolEnd + added.length,
                classFile.length - outline.poolEnd);
        putU2(patched, 8, outline.poolCount + 2);
        for (int methodref : bootstraps) {
            putU2(patched, methodref + 1, classIndex);
        }
        return patched;
    }

    /** {@return the offsets of the {@code Methodref}s naming LambdaMetafactory's two bootstraps} */
    private static List<Integer> bootstrapMethodrefs(ClassFileOutline outline) {
        List<Integer> found = new ArrayList<>();
        for (int index = 1; index < outline.poolCount; index++) {
            int offset = outline.poolOffset(index);
            if (offset != 0 && outline.bytes[offset] == ClassFileOutline.CONSTANT_METHODREF
                    && outline.classNameIs(outline.u2(offset + 1), METAFACTORY) // no string for every Methodref
                    && BOOTSTRAPS.contains(outline.utf8(outline.u2(outline.poolOffset(outline.u2(offset + 3)) + 1)))) {
                found.add(offset);
            }
        }
        return found;
    }

    private static void putU2(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 8);
        bytes[offset + 1] = (byte) value;
    }
}
