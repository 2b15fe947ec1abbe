package dev.reload.patcher.shape;

/**
 * How a {@link ClassShape} packs a class into one int array of symbol ids and one long array of method
 * data, so that a shape is four objects whatever the size of the class.
 *
 * <p>The int array starts with {@link #HEADER} ints (below), then the sections in this order: interface
 * names; nest member names; permitted subclass names; record components as name, descriptor, signature (-1 for none); fields as
 * name hash, descriptor, access flags (with the kind of the field's constant value above them,
 * {@link #CONSTANT_INT} and on, or 0 for none); methods as name hash, descriptor. Counts above 65535 cannot occur: the
 * class file format counts each of these in a u2.
 *
 * <p>A member's name is kept as its {@link #nameHash}, which is all that comparing two versions and finding a member
 * by name need. A shape that keeps its members' names ends with their symbol ids, the fields' then the methods'; one
 * that does not (what the agent keeps of each loaded class: the names are most of a large class's text, and the
 * class file or the JVM has them) ends after the methods, and is given its names back from another shape or from the
 * class file when an edit needs them ({@link ClassShape#withMemberNamesFrom}).
 *
 * <p>The long array holds two longs per method: its code hash, then (debug hash folded to 32 bits) << 32
 * | (index + 1 of the method that creates this lambda, or 0) << 16 | access flags. After them, one long for each
 * field that has a constant value, in field order: an int's or a float's bits, a long's or a double's, or a string's
 * symbol id. So a class's constants cost 8 bytes each, where boxed values in an array of their own cost 40 and more.
 */
final class ShapeLayout {
    static final int NAME = 0;
    static final int SUPER = 1;
    static final int NEST_HOST = 2;
    static final int ACCESS_AND_VERSION = 3;
    static final int INTERFACES_AND_NEST = 4;
    static final int PERMITTED_AND_RECORD = 5;
    static final int FIELDS_AND_METHODS = 6;
    static final int HEADER = 7;

    static final int RECORD_INTS = 3;
    static final int FIELD_INTS = 3;
    static final int METHOD_INTS = 2;

    static final int CONSTANT_INT = 1;
    static final int CONSTANT_FLOAT = 2;
    static final int CONSTANT_LONG = 3;
    static final int CONSTANT_DOUBLE = 4;
    static final int CONSTANT_STRING = 5;
    private static final int CONSTANT_KIND_SHIFT = 16;

    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;
    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;

    private ShapeLayout() {
    }

    static int low(int packed) {
        return packed & 0xFFFF;
    }

    static int high(int packed) {
        return packed >>> 16;
    }

    static int packConstantKind(int kind) {
        return kind << CONSTANT_KIND_SHIFT;
    }

    /** {@return a field's access flags, from the int that also holds its constant's kind} */
    static int fieldAccess(int packed) {
        return packed & 0xFFFF;
    }

    static int constantKind(int packed) {
        return packed >>> CONSTANT_KIND_SHIFT;
    }

    static long packDebugHash(long debugHash) {
        return (long) (int) (debugHash ^ (debugHash >>> 32)) << 32;
    }

    static long packCreator(int creatorIndex) {
        return (long) (creatorIndex + 1) << 16;
    }

    static int access(long packed) {
        return (int) packed & 0xFFFF;
    }

    static int creator(long packed) {
        return (((int) packed) >>> 16) - 1;
    }

    /**
     * {@return the code hash with debug information, rebuilt from the code hash and the folded debug hash:
     * different folded debug hashes always give different results, and a method without code gives 0}
     */
    static long withDebug(long codeHash, long packed) {
        int debug = (int) (packed >>> 32);
        return codeHash == 0 && debug == 0 ? 0 : codeHash ^ (debug * MULTIPLIER);
    }

    /** {@return the hash a shape keeps of a member's name: FNV-1a over its chars, mixed and folded to 32 bits} */
    static int nameHash(CharSequence name) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < name.length(); i++) {
            hash = (hash ^ name.charAt(i)) * FNV_PRIME;
        }
        return fold(hash);
    }

    /** {@return the {@link #nameHash} of a name spelt in ASCII bytes, as a class file holds most names} */
    static int nameHash(byte[] ascii, int start, int length) {
        long hash = FNV_OFFSET;
        for (int i = start; i < start + length; i++) {
            hash = (hash ^ ascii[i]) * FNV_PRIME;
        }
        return fold(hash);
    }

    private static int fold(long hash) {
        long mixed = (hash ^ (hash >>> 29)) * MULTIPLIER;
        return (int) (mixed >>> 32);
    }
}
