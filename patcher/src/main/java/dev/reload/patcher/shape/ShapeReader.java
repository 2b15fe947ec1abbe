package dev.reload.patcher.shape;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads what a {@link ClassShape} keeps straight from the bytes of a class file {@link ClassFileCheck} has checked: one
 * walk over the constant pool, the class's attributes and its members, and over each method's code to hash it
 * ({@link CodeHash}). No parser's visitors: a build's burst of a thousand files is read while its writes go on, and
 * what a file costs is a few arrays and the names it interns, not a string and a label for each instruction, so it
 * brings less garbage, and less code for the JIT to compile, into the game it runs in.
 *
 * <p>Each value is what ASM's {@code ClassReader} would give a visitor ({@code SKIP_FRAMES}): {@code Synthetic}
 * attributes count as the flag, {@code xload_n} as {@code xload n}, {@code goto_w} as {@code goto}, and of several
 * attributes of one kind the last counts. The tests compare the two on every class of java.base, of ECJ and of
 * kotlin-stdlib.
 */
final class ShapeReader {
    /** A shape keeps the class file's 16 bits of flags. */
    private static final int CLASS_FILE_FLAGS = 0xFFFF;
    private static final int ACC_SYNTHETIC = 0x1000;

    private static final int CONSTANT_UTF8 = 1;
    private static final int CONSTANT_INTEGER = 3;
    private static final int CONSTANT_FLOAT = 4;
    private static final int CONSTANT_LONG = 5;
    private static final int CONSTANT_DOUBLE = 6;
    private static final int CONSTANT_CLASS = 7;
    private static final int CONSTANT_STRING = 8;
    private static final int CONSTANT_METHOD_HANDLE = 15;
    private static final int CONSTANT_METHOD_TYPE = 16;

    private static final byte[] CODE = ascii("Code");
    private static final byte[] CONSTANT_VALUE = ascii("ConstantValue");
    private static final byte[] SYNTHETIC = ascii("Synthetic");
    private static final byte[] SIGNATURE = ascii("Signature");
    private static final byte[] NEST_HOST = ascii("NestHost");
    private static final byte[] NEST_MEMBERS = ascii("NestMembers");
    private static final byte[] PERMITTED_SUBCLASSES = ascii("PermittedSubclasses");
    private static final byte[] INNER_CLASSES = ascii("InnerClasses");
    private static final byte[] RECORD = ascii("Record");
    private static final byte[] BOOTSTRAP_METHODS = ascii("BootstrapMethods");
    private static final long[] NO_CONSTANTS = {};

    private final byte[] bytes;
    private final Symbols symbols = Symbols.TABLE;
    /** Where each constant pool entry's content starts, after its tag. */
    private final int[] pool;
    /** The strings decoded so far, by constant pool index; made when the first is. */
    private String[] strings;
    /** Where the class file's {@code this_class} index is. */
    private final int thisClassAt;
    private final int ownerStart;
    private final int ownerLength;
    private int bootstrapMethods;

    private final int[] header = new int[ShapeLayout.HEADER];
    private final Ints interfaces = new Ints();
    private final Ints nestMembers = new Ints();
    private final Ints permittedSubclasses = new Ints();
    private final Ints recordComponents = new Ints();
    private final Ints fields = new Ints();
    private final Ints methods = new Ints();
    /** Whether the shape keeps its members' names, not only their hashes. */
    private final boolean keepsNames;
    private final Ints memberNames = new Ints();
    /** The constant pool index of each method's name, for the lambda creators. */
    private final Ints methodNameIndexes = new Ints();
    private long[] methodData;
    /** The fields' constant values in field order, as {@link ShapeLayout} stores them after the methods' data. */
    private long[] constants = NO_CONSTANTS;
    private int constantCount;
    /** The symbols of the anonymous classes and of the classes holding a switch map this class reads. */
    private final Ints anonymous = new Ints();
    private final Ints switchMapHolders = new Ints();
    /** Made when first needed: most classes create no lambda. */
    private Map<String, Integer> lambdaCreators;

    private ShapeReader(byte[] bytes, boolean keepsNames) {
        this.bytes = bytes;
        this.keepsNames = keepsNames;
        pool = new int[u2(8)];
        int at = indexPool();
        thisClassAt = at + 2;
        int name = pool[u2(thisClassAt)];
        ownerStart = pool[u2(name)] + 2;
        ownerLength = u2(ownerStart - 2);
        readClass(at);
    }

    /**
     * Fills {@code pool} with where each constant pool entry's content starts; {@return the offset after the pool} A
     * method of its own, not a loop in the constructor: the JIT compiles a hot loop on its own, from the loop on, and
     * in the constructor that took in the whole reader, which the next redefinition threw away before it was done.
     */
    private int indexPool() {
        int at = 10;
        for (int i = 1; i < pool.length; i++) {
            pool[i] = at + 1;
            switch (bytes[at]) {
                case CONSTANT_UTF8 -> at += 3 + u2(at + 1);
                case CONSTANT_LONG, CONSTANT_DOUBLE -> {
                    at += 9;
                    i++;
                }
                case CONSTANT_CLASS, CONSTANT_STRING, CONSTANT_METHOD_TYPE, 19, 20 -> at += 3;
                case CONSTANT_METHOD_HANDLE -> at += 4;
                default -> at += 5;
            }
        }
        return at;
    }

    /**
     * {@return the shape of a class file {@link ClassFileCheck} has checked, with its members' names or only their
     * hashes}; throws a runtime exception when malformed
     */
    static ClassShape read(byte[] classFile, boolean keepsNames) {
        ShapeReader reader = new ShapeReader(classFile, keepsNames);
        return new ClassShape(reader.symbolIds(), reader.methodData(), reader.nestMemberKinds());
    }

    private void readClass(int at) {
        int access = u2(at);
        int superIndex = u2(at + 4);
        header[ShapeLayout.NAME] = classSymbol(u2(at + 2));
        header[ShapeLayout.SUPER] = superIndex == 0 ? -1 : classSymbol(superIndex);
        header[ShapeLayout.NEST_HOST] = -1;
        int interfaceCount = u2(at + 6);
        for (int i = 0; i < interfaceCount; i++) {
            interfaces.add(classSymbol(u2(at + 8 + 2 * i)));
        }
        int membersAt = at + 8 + 2 * interfaceCount;
        int methodsAt = skipMembers(membersAt);
        int attributesAt = skipMembers(methodsAt);
        access |= readClassAttributes(attributesAt);
        header[ShapeLayout.ACCESS_AND_VERSION] = (access & CLASS_FILE_FLAGS) | u2(6) << 16;
        readFields(membersAt);
        readMethods(methodsAt, new CodeHash(this));
    }

    /** Reads the class's attributes; {@return the flag a {@code Synthetic} attribute adds, or 0} */
    private int readClassAttributes(int at) {
        int nestHost = 0;
        int nestMembersAt = 0;
        int permittedAt = 0;
        int innerClassesAt = 0;
        int recordAt = 0;
        int synthetic = 0;
        int count = u2(at);
        int attribute = at + 2;
        for (int i = 0; i < count; i++) {
            int name = u2(attribute);
            int content = attribute + 6;
            if (utf8Is(name, NEST_HOST)) {
                nestHost = u2(content);
            } else if (utf8Is(name, NEST_MEMBERS)) {
                nestMembersAt = content;
            } else if (utf8Is(name, PERMITTED_SUBCLASSES)) {
                permittedAt = content;
            } else if (utf8Is(name, INNER_CLASSES)) {
                innerClassesAt = content;
            } else if (utf8Is(name, RECORD)) {
                recordAt = content;
            } else if (utf8Is(name, BOOTSTRAP_METHODS)) {
                bootstrapMethods = content;
            } else if (utf8Is(name, SYNTHETIC)) {
                synthetic = ACC_SYNTHETIC;
            }
            attribute = content + u4(attribute + 2);
        }
        if (nestHost != 0) {
            header[ShapeLayout.NEST_HOST] = classSymbol(nestHost);
        }
        classList(nestMembersAt, nestMembers);
        classList(permittedAt, permittedSubclasses);
        readInnerClasses(innerClassesAt);
        readRecord(recordAt);
        return synthetic;
    }

    private void classList(int at, Ints into) {
        if (at == 0) {
            return;
        }
        int count = u2(at);
        for (int i = 0; i < count; i++) {
            into.add(classSymbol(u2(at + 2 + 2 * i)));
        }
    }

    private void readInnerClasses(int at) {
        if (at == 0) {
            return;
        }
        int count = u2(at);
        for (int i = 0, entry = at + 2; i < count; i++, entry += 8) {
            if (u2(entry + 4) == 0) {
                anonymous.add(knownSymbol(u2(pool[u2(entry)])));
            }
        }
    }

    private void readRecord(int at) {
        if (at == 0) {
            return;
        }
        int count = u2(at);
        int component = at + 2;
        for (int i = 0; i < count; i++) {
            recordComponents.add(symbol(u2(component)));
            recordComponents.add(symbol(u2(component + 2)));
            int signature = 0;
            int attributes = u2(component + 4);
            int attribute = component + 6;
            for (int k = 0; k < attributes; k++) {
                if (utf8Is(u2(attribute), SIGNATURE)) {
                    signature = u2(attribute + 6);
                }
                attribute += 6 + u4(attribute + 2);
            }
            recordComponents.add(signature == 0 ? -1 : symbol(signature));
            component = attribute;
        }
    }

    private void readFields(int at) {
        int count = u2(at);
        int field = at + 2;
        for (int index = 0; index < count; index++) {
            int access = u2(field);
            int valueIndex = 0;
            int attributes = u2(field + 6);
            int attribute = field + 8;
            for (int k = 0; k < attributes; k++) {
                int name = u2(attribute);
                if (utf8Is(name, CONSTANT_VALUE)) {
                    valueIndex = u2(attribute + 6);
                } else if (utf8Is(name, SYNTHETIC)) {
                    access |= ACC_SYNTHETIC;
                }
                attribute += 6 + u4(attribute + 2);
            }
            fields.add(memberName(u2(field + 2)));
            fields.add(symbol(u2(field + 4)));
            int constantKind = valueIndex == 0 ? 0 : addConstant(valueIndex);
            fields.add((access & CLASS_FILE_FLAGS) | ShapeLayout.packConstantKind(constantKind));
            field = attribute;
        }
    }

    private void readMethods(int at, CodeHash code) {
        int count = u2(at);
        methodData = new long[2 * count + constantCount];
        System.arraycopy(constants, 0, methodData, 2 * count, constantCount);
        int method = at + 2;
        for (int index = 0; index < count; index++) {
            int access = u2(method);
            int codeAt = 0;
            int attributes = u2(method + 6);
            int attribute = method + 8;
            for (int k = 0; k < attributes; k++) {
                int name = u2(attribute);
                if (utf8Is(name, CODE)) {
                    codeAt = attribute + 6;
                } else if (utf8Is(name, SYNTHETIC)) {
                    access |= ACC_SYNTHETIC;
                }
                attribute += 6 + u4(attribute + 2);
            }
            methods.add(memberName(u2(method + 2)));
            methods.add(symbol(u2(method + 4)));
            methodNameIndexes.add(u2(method + 2));
            methodData[2 * index + 1] = access & CLASS_FILE_FLAGS;
            if (codeAt != 0) {
                code.hash(index, codeAt);
                methodData[2 * index] = code.codeHash();
                methodData[2 * index + 1] |= ShapeLayout.packDebugHash(code.debugHash());
            } else {
                methodData[2 * index + 1] |= ShapeLayout.packDebugHash(0);
            }
            method = attribute;
        }
    }

    /** {@return the offset after a fields or methods table} */
    private int skipMembers(int at) {
        int count = u2(at);
        int member = at + 2;
        for (int i = 0; i < count; i++) {
            int attributes = u2(member + 6);
            member += 8;
            for (int k = 0; k < attributes; k++) {
                member += 6 + u4(member + 2);
            }
        }
        return member;
    }

    /**
     * Adds a field's constant value as {@link ShapeLayout} stores it: its bits, or a string's symbol; {@return its
     * kind}
     */
    private int addConstant(int index) {
        int at = pool[index];
        int kind = switch (bytes[at - 1]) {
            case CONSTANT_INTEGER -> ShapeLayout.CONSTANT_INT;
            case CONSTANT_FLOAT -> ShapeLayout.CONSTANT_FLOAT;
            case CONSTANT_LONG -> ShapeLayout.CONSTANT_LONG;
            case CONSTANT_DOUBLE -> ShapeLayout.CONSTANT_DOUBLE;
            case CONSTANT_STRING -> ShapeLayout.CONSTANT_STRING;
            default -> throw new IllegalArgumentException("constant value of tag " + bytes[at - 1]);
        };
        if (constantCount == constants.length) {
            constants = Arrays.copyOf(constants, Math.max(8, 2 * constantCount));
        }
        constants[constantCount++] = switch (kind) {
            case ShapeLayout.CONSTANT_INT, ShapeLayout.CONSTANT_FLOAT -> u4(at);
            case ShapeLayout.CONSTANT_LONG, ShapeLayout.CONSTANT_DOUBLE -> u8(at);
            default -> symbol(u2(at));
        };
        return kind;
    }

    // What the code hash reports while it reads a method's code.

    void createsLambda(int index, String name, String descriptor) {
        if (lambdaCreators == null) {
            lambdaCreators = new HashMap<>();
        }
        lambdaCreators.putIfAbsent(name + descriptor, index);
    }

    /** The method reads javac's enum switch map held by the class the {@code CONSTANT_Utf8} entry names. */
    void readsSwitchMap(int holderName) {
        switchMapHolders.add(knownSymbol(holderName));
    }

    // The constant pool, as the code hash reads it too.

    byte[] bytes() {
        return bytes;
    }

    /** {@return where a constant pool entry's content starts, after its tag} */
    int entry(int index) {
        return pool[index];
    }

    /** {@return the tag of a constant pool entry} */
    int tag(int index) {
        return bytes[pool[index] - 1];
    }

    int bootstrapMethods() {
        return bootstrapMethods;
    }

    int u2(int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }

    int u4(int at) {
        return ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }

    long u8(int at) {
        return ((long) u4(at) << 32) | (u4(at + 4) & 0xFFFF_FFFFL);
    }

    /**
     * {@return the {@link ShapeLayout#nameHash} of the member name in a {@code CONSTANT_Utf8} entry} Adds the name to
     * the table, to be listed after the members, only when the shape keeps its names.
     */
    private int memberName(int index) {
        if (keepsNames) {
            memberNames.add(symbol(index));
        }
        int at = pool[index];
        int length = u2(at);
        return isAscii(at + 2, length) ? ShapeLayout.nameHash(bytes, at + 2, length)
                : ShapeLayout.nameHash(utf8(index));
    }

    /** {@return the symbol of a {@code CONSTANT_Utf8} entry, added to the table when new} */
    private int symbol(int index) {
        int at = pool[index];
        int length = u2(at);
        return isAscii(at + 2, length) ? symbols.internAscii(bytes, at + 2, length) : symbols.intern(utf8(index));
    }

    /** {@return the symbol of the name a {@code CONSTANT_Class} entry names, added to the table when new} */
    private int classSymbol(int index) {
        return symbol(u2(pool[index]));
    }

    /** {@return the symbol of a {@code CONSTANT_Utf8} entry, or -1 when the table has none} */
    private int knownSymbol(int index) {
        int at = pool[index];
        int length = u2(at);
        return isAscii(at + 2, length) ? symbols.findAscii(bytes, at + 2, length) : symbols.find(utf8(index));
    }

    boolean isAscii(int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@return the constant pool index of the class's own name} */
    int ownerName() {
        return u2(pool[u2(thisClassAt)]);
    }

    /** {@return the internal name a {@code CONSTANT_Class} entry names} */
    String className(int index) {
        return utf8(u2(pool[index]));
    }

    /** {@return a {@code CONSTANT_Utf8} entry as a string, decoded once} */
    String utf8(int index) {
        if (strings == null) {
            strings = new String[pool.length];
        }
        String text = strings[index];
        if (text == null) {
            int at = pool[index];
            text = decode(at + 2, u2(at));
            strings[index] = text;
        }
        return text;
    }

    /** {@return true when a {@code CONSTANT_Utf8} entry holds exactly these ASCII bytes} */
    boolean utf8Is(int index, byte[] ascii) {
        int at = pool[index];
        return u2(at) == ascii.length && Arrays.equals(bytes, at + 2, at + 2 + ascii.length, ascii, 0, ascii.length);
    }

    /** {@return true when a {@code CONSTANT_Utf8} entry starts with these ASCII bytes} */
    boolean utf8StartsWith(int index, byte[] prefix) {
        int at = pool[index];
        return u2(at) >= prefix.length && Arrays.equals(bytes, at + 2, at + 2 + prefix.length, prefix, 0, prefix.length);
    }

    /** {@return the offset of the class's own internal name's bytes, and their length in {@link #ownerLength()}} */
    int ownerStart() {
        return ownerStart;
    }

    int ownerLength() {
        return ownerLength;
    }

    /** Decodes modified UTF-8 (JVMS 4.4.7) as ASM does, which is what every name and hash of a shape is made of. */
    private String decode(int start, int length) {
        int end = start + length;
        for (int i = start; i < end; i++) {
            if (bytes[i] < 0) {
                return decodeWide(start, end);
            }
        }
        return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
    }

    private String decodeWide(int start, int end) {
        char[] chars = new char[end - start];
        int length = 0;
        for (int at = start; at < end; ) {
            int b = bytes[at++];
            if ((b & 0x80) == 0) {
                chars[length++] = (char) (b & 0x7F);
            } else if ((b & 0xE0) == 0xC0) {
                chars[length++] = (char) (((b & 0x1F) << 6) + (bytes[at++] & 0x3F));
            } else {
                chars[length++] = (char) (((b & 0xF) << 12) + ((bytes[at++] & 0x3F) << 6) + (bytes[at++] & 0x3F));
            }
        }
        return new String(chars, 0, length);
    }

    /** {@return the symbol ids and counts of every section, in {@link ShapeLayout} order} */
    private int[] symbolIds() {
        int methodCount = methods.size / ShapeLayout.METHOD_INTS;
        int fieldCount = fields.size / ShapeLayout.FIELD_INTS;
        header[ShapeLayout.INTERFACES_AND_NEST] = interfaces.size | nestMembers.size << 16;
        header[ShapeLayout.PERMITTED_AND_RECORD] = permittedSubclasses.size
                | (recordComponents.size / ShapeLayout.RECORD_INTS) << 16;
        header[ShapeLayout.FIELDS_AND_METHODS] = fieldCount | methodCount << 16;
        int[] ids = new int[ShapeLayout.HEADER + interfaces.size + nestMembers.size + permittedSubclasses.size
                + recordComponents.size + fields.size + methods.size + memberNames.size];
        System.arraycopy(header, 0, ids, 0, ShapeLayout.HEADER);
        int at = ShapeLayout.HEADER;
        for (Ints section : new Ints[] {interfaces, nestMembers, permittedSubclasses, recordComponents, fields,
                methods, memberNames}) {
            System.arraycopy(section.values, 0, ids, at, section.size);
            at += section.size;
        }
        return ids;
    }

    /**
     * {@return per method: code hash, then debug hash, lambda creator and access flags packed; then the fields'
     * constant values}
     */
    private long[] methodData() {
        if (lambdaCreators != null) {
            for (int i = 0; i < methodNameIndexes.size; i++) {
                Integer creator = lambdaCreators.get(utf8(methodNameIndexes.values[i])
                        + symbols.string(methods.values[2 * i + 1]));
                if (creator != null && creator != i) {
                    methodData[2 * i + 1] |= ShapeLayout.packCreator(creator);
                }
            }
        }
        return methodData;
    }

    /** {@return the kind of each nest member in order, or null when every one is NAMED} */
    @SuppressWarnings("EnumOrdinal") // a byte a member; read back only in this JVM
    private byte[] nestMemberKinds() {
        if (anonymous.size == 0 && switchMapHolders.size == 0) {
            return null;
        }
        byte[] kinds = null;
        for (int i = 0; i < nestMembers.size; i++) {
            int member = nestMembers.values[i];
            NestMemberKind kind = switchMapHolders.contains(member) ? NestMemberKind.SWITCH_MAP
                    : anonymous.contains(member) ? NestMemberKind.ANONYMOUS : NestMemberKind.NAMED;
            if (kind != NestMemberKind.NAMED) {
                if (kinds == null) {
                    kinds = new byte[nestMembers.size];
                }
                kinds[i] = (byte) kind.ordinal();
            }
        }
        return kinds;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A growable list of ints, its array made with the first: most sections of most classes stay empty. */
    private static final class Ints {
        private static final int[] NONE = new int[0];

        int[] values = NONE;
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, Math.max(8, size * 2));
            }
            values[size++] = value;
        }

        boolean contains(int value) {
            for (int i = 0; i < size; i++) {
                if (values[i] == value) {
                    return true;
                }
            }
            return false;
        }
    }
}
