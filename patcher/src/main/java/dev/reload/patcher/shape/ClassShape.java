package dev.reload.patcher.shape;

import dev.reload.patcher.shape.UnreadableClassException.Reason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static dev.reload.patcher.shape.ShapeLayout.FIELD_INTS;
import static dev.reload.patcher.shape.ShapeLayout.HEADER;
import static dev.reload.patcher.shape.ShapeLayout.METHOD_INTS;
import static dev.reload.patcher.shape.ShapeLayout.high;
import static dev.reload.patcher.shape.ShapeLayout.low;

/**
 * An immutable summary of one class file: what redefinition compares (supertypes, flags, nest, record
 * components, permitted subclasses, fields, methods) and hashes of each method's code.
 *
 * <p>A shape is kept for every class a running program loads, so it is stored compactly (see
 * {@link ShapeLayout}): names and descriptors are ids in a shared {@link Symbols} table, and the
 * {@link FieldShape} and {@link MethodShape} records are made when asked for. Members are compared and found by the
 * hash of their names; a shape read {@linkplain #readWithoutMemberNames without its members' names} keeps only those
 * hashes, and is given the names back, {@link #withMemberNamesFrom}, when a member must be named.
 */
public final class ClassShape {
    private static final Symbols SYMBOLS = Symbols.TABLE;
    private static final int AMBIGUOUS = -2;
    /** What {@link #nameIdToFind} gives for a shape that keeps no names: the hash alone decides. */
    private static final int ANY_NAME = -3;

    private final int[] ids;
    private final long[] methodData;
    /** Null when every nest member is {@link NestMemberKind#NAMED}. */
    private final byte[] nestMemberKinds;

    /**
     * @param ids the symbol ids and counts of every section, in {@link ShapeLayout} order
     * @param methodData per method: code hash, then debug hash, lambda creator and access flags packed; then the
     *        fields' constant values, in {@link ShapeLayout} form
     * @param nestMemberKinds the kind of each nest member in order, or null when every one is NAMED
     */
    ClassShape(int[] ids, long[] methodData, byte[] nestMemberKinds) {
        this.ids = ids;
        this.methodData = methodData;
        this.nestMemberKinds = nestMemberKinds;
    }

    /**
     * Reads the shape of a class file.
     *
     * @param classFile the bytes of one class file, never null; not kept
     * @return the shape, never null
     * @throws UnreadableClassException when the bytes are empty, not a class file, truncated, of an
     *         unsupported version or malformed
     */
    public static ClassShape read(byte[] classFile) throws UnreadableClassException {
        return read(classFile, true);
    }

    /**
     * Reads the shape of a class file, keeping of each member's name only its hash: what the agent keeps of a
     * loaded class, which an edit compares with its new version by those hashes. Asking such a shape for a member's
     * name throws, until {@link #withMemberNamesFrom} gives the names back.
     *
     * @param classFile the bytes of one class file, never null; not kept
     * @return the shape, never null
     * @throws UnreadableClassException as {@link #read}
     */
    public static ClassShape readWithoutMemberNames(byte[] classFile) throws UnreadableClassException {
        return read(classFile, false);
    }

    private static ClassShape read(byte[] classFile, boolean keepsNames) throws UnreadableClassException {
        Objects.requireNonNull(classFile, "classFile");
        ClassFileCheck.check(classFile);
        try {
            return ShapeReader.read(classFile, keepsNames);
        } catch (RuntimeException e) {
            // The outline is complete, so what the reader trips over is inconsistent content, such as a
            // constant pool index out of range or a jump out of the method's code.
            throw new UnreadableClassException(Reason.MALFORMED, -1,
                    "malformed class file: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
    }

    /** {@return the internal name, such as {@code demo/Player}, never null} */
    public String internalName() {
        return SYMBOLS.string(ids[ShapeLayout.NAME]);
    }

    /** {@return the binary name, such as {@code demo.Player}, never null} */
    public String binaryName() {
        return internalName().replace('/', '.');
    }

    /** {@return the superclass's internal name; null for {@code java/lang/Object} and {@code module-info}} */
    public String superName() {
        return nullableString(ids[ShapeLayout.SUPER]);
    }

    /** {@return the internal names of the direct superinterfaces, in class-file order, never null} */
    public List<String> interfaces() {
        return strings(interfacesStart(), interfaceCount());
    }

    /** {@return the class file's access flags (JVMS table 4.1-B)} */
    public int access() {
        return low(ids[ShapeLayout.ACCESS_AND_VERSION]);
    }

    /** {@return the class file's major version, such as 61 for Java 17} */
    public int majorVersion() {
        return high(ids[ShapeLayout.ACCESS_AND_VERSION]);
    }

    /** {@return the internal name of the nest host from {@code NestHost}, or null when the class has none} */
    public String nestHost() {
        return nullableString(ids[ShapeLayout.NEST_HOST]);
    }

    /** {@return the internal names in {@code NestMembers}, in class-file order, never null} */
    public List<String> nestMembers() {
        return strings(nestStart(), nestCount());
    }

    /**
     * {@return what a nest member is, as far as this host's file tells; empty when it is not a member}
     *
     * @param member a member's internal name, never null
     */
    @SuppressWarnings("EnumOrdinal") // ordinals stored by ShapeReader in this JVM
    public Optional<NestMemberKind> nestMemberKind(String member) {
        int id = SYMBOLS.find(member);
        for (int i = 0; i < nestCount(); i++) {
            if (ids[nestStart() + i] == id) {
                return Optional.of(nestMemberKinds == null ? NestMemberKind.NAMED
                        : NestMemberKind.values()[nestMemberKinds[i]]);
            }
        }
        return Optional.empty();
    }

    /** {@return the internal names in {@code PermittedSubclasses}, in class-file order, never null} */
    public List<String> permittedSubclasses() {
        return strings(permittedStart(), permittedCount());
    }

    /** {@return the record components in order; empty for a class that is no record, never null} */
    public List<RecordComponentShape> recordComponents() {
        List<RecordComponentShape> components = new ArrayList<>(recordCount());
        for (int i = 0, at = recordStart(); i < recordCount(); i++, at += ShapeLayout.RECORD_INTS) {
            components.add(new RecordComponentShape(SYMBOLS.string(ids[at]), SYMBOLS.string(ids[at + 1]),
                    nullableString(ids[at + 2])));
        }
        return List.copyOf(components);
    }

    /** {@return the fields in class-file order, never null} */
    public List<FieldShape> fields() {
        List<FieldShape> fields = new ArrayList<>(fieldCount());
        for (int i = 0, constant = constantsStart(); i < fieldCount(); i++) {
            FieldShape field = fieldAt(i, constant);
            fields.add(field);
            constant += field.constantValue() == null ? 0 : 1;
        }
        return List.copyOf(fields);
    }

    /** {@return the methods in class-file order, never null} */
    public List<MethodShape> methods() {
        List<MethodShape> methods = new ArrayList<>(methodCount());
        for (int i = 0; i < methodCount(); i++) {
            methods.add(methodAt(i));
        }
        return List.copyOf(methods);
    }

    /**
     * {@return the method with this name and descriptor, if the class declares it}
     *
     * @param name the method's name, never null
     * @param descriptor the method descriptor, never null
     */
    public Optional<MethodShape> method(String name, String descriptor) {
        int index = methodIndex(name, descriptor);
        return index < 0 ? Optional.empty() : Optional.of(methodAt(index, name));
    }

    /**
     * {@return the field with this name, if the class declares it}
     *
     * @param name the field's name, never null
     */
    public Optional<FieldShape> field(String name) {
        int nameId = nameIdToFind(name);
        if (nameId == -1) {
            return Optional.empty();
        }
        int hash = ShapeLayout.nameHash(name);
        for (int i = 0; i < fieldCount(); i++) {
            if (isNamed(i, hash, nameId)) {
                return Optional.of(fieldAt(i, constantsStart() + constantsBefore(i), name));
            }
        }
        return Optional.empty();
    }

    /** {@return how many methods the class declares} */
    public int methodCount() {
        return high(ids[ShapeLayout.FIELDS_AND_METHODS]);
    }

    /**
     * {@return the method at {@code index} in class-file order}
     *
     * @param index from 0 to {@link #methodCount()} - 1
     * @throws IndexOutOfBoundsException when there is no such method
     */
    public MethodShape method(int index) {
        return methodAt(Objects.checkIndex(index, methodCount()));
    }

    /**
     * {@return the name of the method at {@code index}}, with no {@link MethodShape} made for it
     *
     * @throws IllegalStateException when the shape keeps no member names
     */
    public String methodName(int index) {
        return SYMBOLS.string(ids[methodNameAt(Objects.checkIndex(index, methodCount()))]);
    }

    /**
     * {@return true when the shape keeps its members' names; false for one {@linkplain #readWithoutMemberNames read
     * without them}, which can still find a member by name and compare members with another shape}
     */
    public boolean hasMemberNames() {
        return ids.length != membersEnd() || fieldCount() + methodCount() == 0;
    }

    /** {@return this shape without its members' names, as {@link #readWithoutMemberNames} reads it} */
    public ClassShape withoutMemberNames() {
        return hasMemberNames() ? new ClassShape(Arrays.copyOf(ids, membersEnd()), methodData, nestMemberKinds) : this;
    }

    /**
     * {@return this shape with its members' names, taken from {@code source} (for each member, the name of
     * {@code source}'s member at the same place with the same hash, else the one name of that hash among its members)
     * and from {@code moreNames}; null when a member's name is found in neither, or two names found have its hash}
     * A shape that has its names returns itself.
     *
     * @param source a shape that keeps its member names, such as a new version of the class or its class file
     *        as it lies on disk; null for none
     * @param moreNames names of members the source may not declare, such as what an agent adds at load; never null
     */
    public ClassShape withMemberNamesFrom(ClassShape source, Collection<String> moreNames) {
        if (hasMemberNames()) {
            return this;
        }
        if (source != null && !source.hasMemberNames()) {
            throw new IllegalArgumentException("the source of member names keeps none: " + source.internalName());
        }
        int members = fieldCount() + methodCount();
        int[] named = Arrays.copyOf(ids, membersEnd() + members);
        for (int i = 0; i < members; i++) {
            int nameId = nameOf(i, source, moreNames);
            if (nameId < 0) {
                return null;
            }
            named[membersEnd() + i] = nameId;
        }
        return new ClassShape(named, methodData, nestMemberKinds);
    }

    /**
     * {@return the symbol id of the one name with the hash of member {@code member}, counted fields first: the
     * source's member of the same kind at the same place when its hash is the same (an unchanged member, the common
     * case, costs one comparison), else any of the source's members or of {@code moreNames}; -1 when none or several}
     */
    private int nameOf(int member, ClassShape source, Collection<String> moreNames) {
        int hash = memberHashAt(member);
        int found = -1;
        if (source != null) {
            boolean field = member < fieldCount();
            int same = field ? member : source.fieldCount() + member - fieldCount();
            if ((field ? member < source.fieldCount() : same < source.fieldCount() + source.methodCount())
                    && source.memberHashAt(same) == hash) {
                return source.ids[source.membersEnd() + same];
            }
            for (int i = 0; i < source.fieldCount() + source.methodCount(); i++) {
                found = source.memberHashAt(i) == hash ? oneName(found, source.ids[source.membersEnd() + i]) : found;
            }
        }
        for (String name : moreNames) {
            found = ShapeLayout.nameHash(name) == hash ? oneName(found, SYMBOLS.intern(name)) : found;
        }
        return found == AMBIGUOUS ? -1 : found;
    }

    private static int oneName(int found, int nameId) {
        return found == -1 || found == nameId ? nameId : AMBIGUOUS;
    }

    /**
     * {@return true when the method at {@code index} has the same code, debug information, access flags and lambda
     * creator as the method at the same index of {@code other}}: a batch asks it of every method, most of them
     * unchanged, and it makes no strings
     *
     * @param other another shape with a method at {@code index}, never null
     */
    public boolean sameMethodAt(int index, ClassShape other) {
        Objects.checkIndex(index, Math.min(methodCount(), other.methodCount()));
        return methodData[2 * index] == other.methodData[2 * index]
                && methodData[2 * index + 1] == other.methodData[2 * index + 1];
    }

    /** {@return how many names {@code NestMembers} lists} */
    public int nestMemberCount() {
        return high(ids[ShapeLayout.INTERFACES_AND_NEST]);
    }

    /**
     * {@return the internal name at {@code index} in {@code NestMembers}}
     *
     * @param index from 0 to {@link #nestMemberCount()} - 1
     * @throws IndexOutOfBoundsException when there is no such entry
     */
    public String nestMember(int index) {
        return SYMBOLS.string(ids[nestStart() + Objects.checkIndex(index, nestCount())]);
    }

    /**
     * {@return what the nest member at {@code index} is, as far as this host's file tells}
     *
     * @param index from 0 to {@link #nestMemberCount()} - 1
     * @throws IndexOutOfBoundsException when there is no such entry
     */
    @SuppressWarnings("EnumOrdinal") // ordinals stored by ShapeReader in this JVM
    public NestMemberKind nestMemberKind(int index) {
        Objects.checkIndex(index, nestCount());
        return nestMemberKinds == null ? NestMemberKind.NAMED : NestMemberKind.values()[nestMemberKinds[index]];
    }

    /**
     * {@return true when {@code other} declares everything this shape declares, in the same order, and the two
     * differ at most in method code and debug information, in the class-file version, and in nest members and
     * methods that {@code other} lists after all of this shape's}: same name, superclass, interfaces, access
     * flags, nest host, permitted subclasses, record components, fields (with flags and constant values) and
     * method names, descriptors and flags. Compares symbol ids, so it makes no strings.
     *
     * @param other another shape, never null
     */
    public boolean declaresPrefixOf(ClassShape other) {
        int[] theirs = other.ids;
        if (ids[ShapeLayout.NAME] != theirs[ShapeLayout.NAME] || ids[ShapeLayout.SUPER] != theirs[ShapeLayout.SUPER]
                || ids[ShapeLayout.NEST_HOST] != theirs[ShapeLayout.NEST_HOST] || access() != other.access()
                || interfaceCount() != other.interfaceCount() || nestCount() > other.nestCount()
                || ids[ShapeLayout.PERMITTED_AND_RECORD] != theirs[ShapeLayout.PERMITTED_AND_RECORD]
                || fieldCount() != other.fieldCount() || methodCount() > other.methodCount()) {
            return false;
        }
        return Arrays.equals(ids, interfacesStart(), nestStart() + nestCount(),
                        theirs, other.interfacesStart(), other.nestStart() + nestCount())
                && Arrays.equals(ids, permittedStart(), methodStart() + METHOD_INTS * methodCount(),
                        theirs, other.permittedStart(), other.methodStart() + METHOD_INTS * methodCount())
                && sameMethodFlags(other)
                && Arrays.equals(methodData, constantsStart(), methodData.length,
                        other.methodData, other.constantsStart(), other.methodData.length)
                && sameMemberNames(other);
    }

    /**
     * {@return true unless both shapes keep their member names and those of this shape's members differ from the
     * other's members at the same places} The hashes are equal already; the names tell a collision from no change.
     */
    private boolean sameMemberNames(ClassShape other) {
        if (!hasMemberNames() || !other.hasMemberNames()) {
            return true;
        }
        int names = membersEnd();
        int theirs = other.membersEnd();
        return Arrays.equals(ids, names, names + fieldCount(), other.ids, theirs, theirs + fieldCount())
                && Arrays.equals(ids, names + fieldCount(), names + fieldCount() + methodCount(),
                        other.ids, theirs + other.fieldCount(), theirs + other.fieldCount() + methodCount());
    }

    private boolean sameMethodFlags(ClassShape other) {
        for (int i = 0; i < methodCount(); i++) {
            if (ShapeLayout.access(methodData[2 * i + 1]) != ShapeLayout.access(other.methodData[2 * i + 1])) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return the method whose code creates the given lambda body through {@code invokedynamic}; empty
     * when the method is no lambda body of this class or nothing in the class creates it}
     *
     * @param lambda a method of this class, never null
     */
    public Optional<MethodShape> creatorOf(MethodShape lambda) {
        int index = methodIndex(lambda.name(), lambda.descriptor());
        int creator = index < 0 ? -1 : ShapeLayout.creator(methodData[2 * index + 1]);
        return creator < 0 ? Optional.empty() : Optional.of(methodAt(creator));
    }

    private int methodIndex(String name, String descriptor) {
        int descriptorId = SYMBOLS.find(descriptor);
        if (descriptorId < 0) {
            return -1;
        }
        int nameId = nameIdToFind(name);
        if (nameId == -1) {
            return -1;
        }
        int hash = ShapeLayout.nameHash(name);
        for (int i = 0, at = methodStart(); i < methodCount(); i++, at += METHOD_INTS) {
            if (ids[at + 1] == descriptorId && isNamed(fieldCount() + i, hash, nameId)) {
                return i;
            }
        }
        return -1;
    }

    /** {@return the field at index {@code i}, whose constant value, if it has one, is at {@code constant}} */
    private FieldShape fieldAt(int i, int constant) {
        return fieldAt(i, constant, SYMBOLS.string(ids[fieldNameAt(i)]));
    }

    private FieldShape fieldAt(int i, int constant, String name) {
        int at = fieldStart() + FIELD_INTS * i;
        int packed = ids[at + 2];
        return new FieldShape(name, SYMBOLS.string(ids[at + 1]), ShapeLayout.fieldAccess(packed),
                constantValue(ShapeLayout.constantKind(packed), constant));
    }

    /**
     * {@return the symbol id of {@code name} among the names this shape keeps: -1 when it is none of them, or
     * {@link #ANY_NAME} when the shape keeps no names}
     */
    private int nameIdToFind(String name) {
        return hasMemberNames() ? SYMBOLS.find(name) : ANY_NAME;
    }

    /**
     * {@return true when member {@code member}, counted fields first, has the name of this hash and, where the shape
     * keeps names, of this symbol id ({@link #nameIdToFind})}
     */
    private boolean isNamed(int member, int hash, int nameId) {
        return memberHashAt(member) == hash && (nameId == ANY_NAME || ids[membersEnd() + member] == nameId);
    }

    /** {@return the name hash of member {@code member}, counted fields first, as the kept names are} */
    private int memberHashAt(int member) {
        return member < fieldCount() ? ids[fieldStart() + FIELD_INTS * member]
                : ids[methodStart() + METHOD_INTS * (member - fieldCount())];
    }

    /** {@return where the symbol id of the name of field {@code i} is}; throws when the shape keeps no names */
    private int fieldNameAt(int i) {
        requireMemberNames();
        return membersEnd() + i;
    }

    /** {@return where the symbol id of the name of method {@code i} is}; throws when the shape keeps no names */
    private int methodNameAt(int i) {
        requireMemberNames();
        return membersEnd() + fieldCount() + i;
    }

    private void requireMemberNames() {
        if (!hasMemberNames()) {
            throw new IllegalStateException("the shape of " + internalName() + " keeps no member names");
        }
    }

    /** {@return where the members end, and their names start in a shape that keeps them} */
    private int membersEnd() {
        return methodStart() + METHOD_INTS * methodCount();
    }

    private Object constantValue(int kind, int at) {
        return switch (kind) {
            case 0 -> null;
            case ShapeLayout.CONSTANT_INT -> (int) methodData[at];
            case ShapeLayout.CONSTANT_FLOAT -> Float.intBitsToFloat((int) methodData[at]);
            case ShapeLayout.CONSTANT_LONG -> methodData[at];
            case ShapeLayout.CONSTANT_DOUBLE -> Double.longBitsToDouble(methodData[at]);
            default -> SYMBOLS.string((int) methodData[at]);
        };
    }

    private int constantsBefore(int field) {
        int count = 0;
        for (int i = 0, at = fieldStart() + 2; i < field; i++, at += FIELD_INTS) {
            count += ShapeLayout.constantKind(ids[at]) == 0 ? 0 : 1;
        }
        return count;
    }

    /** {@return where the fields' constant values start in the method data} */
    private int constantsStart() {
        return 2 * methodCount();
    }

    private MethodShape methodAt(int i) {
        return methodAt(i, SYMBOLS.string(ids[methodNameAt(i)]));
    }

    private MethodShape methodAt(int i, String name) {
        int at = methodStart() + METHOD_INTS * i;
        long codeHash = methodData[2 * i];
        long packed = methodData[2 * i + 1];
        return new MethodShape(name, SYMBOLS.string(ids[at + 1]), ShapeLayout.access(packed),
                codeHash, ShapeLayout.withDebug(codeHash, packed));
    }

    private int interfaceCount() {
        return low(ids[ShapeLayout.INTERFACES_AND_NEST]);
    }

    private int nestCount() {
        return high(ids[ShapeLayout.INTERFACES_AND_NEST]);
    }

    private int permittedCount() {
        return low(ids[ShapeLayout.PERMITTED_AND_RECORD]);
    }

    private int recordCount() {
        return high(ids[ShapeLayout.PERMITTED_AND_RECORD]);
    }

    private int fieldCount() {
        return low(ids[ShapeLayout.FIELDS_AND_METHODS]);
    }

    private int interfacesStart() {
        return HEADER;
    }

    private int nestStart() {
        return interfacesStart() + interfaceCount();
    }

    private int permittedStart() {
        return nestStart() + nestCount();
    }

    private int recordStart() {
        return permittedStart() + permittedCount();
    }

    private int fieldStart() {
        return recordStart() + ShapeLayout.RECORD_INTS * recordCount();
    }

    private int methodStart() {
        return fieldStart() + FIELD_INTS * fieldCount();
    }

    private List<String> strings(int start, int count) {
        String[] strings = new String[count];
        for (int i = 0; i < count; i++) {
            strings[i] = SYMBOLS.string(ids[start + i]);
        }
        return List.of(strings);
    }

    private static String nullableString(int id) {
        return id < 0 ? null : SYMBOLS.string(id);
    }

    @Override
    public boolean equals(Object other) {
        // Symbol ids are equal exactly when the strings are: the table stores each string once.
        return other instanceof ClassShape that
                && Arrays.equals(ids, that.ids)
                && Arrays.equals(methodData, that.methodData)
                && Arrays.equals(nestMemberKinds, that.nestMemberKinds);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(methodData);
    }

    /** {@return a readable multi-line dump, one line per member, so a failed comparison shows a diff} */
    @Override
    public String toString() {
        return ShapeDump.dump(this);
    }
}
