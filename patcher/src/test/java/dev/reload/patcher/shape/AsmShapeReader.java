package dev.reload.patcher.shape;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of a class file as ASM's visitors read it ({@link ClassReader#SKIP_FRAMES}): what {@link ClassShape#read}
 * did before it read the bytes itself, kept as the reference its byte-level reader must agree with, id for id and
 * hash for hash.
 */
final class AsmShapeReader extends ClassVisitor implements AsmCodeHasher.Sink {
    /** ASM sets flags above the class file's 16 bits (ACC_RECORD, ACC_DEPRECATED); a shape keeps the file's. */
    private static final int CLASS_FILE_FLAGS = 0xFFFF;

    private final Symbols symbols = Symbols.TABLE;
    /** Hashes each method's code in turn, made once the class's name is known. */
    private AsmCodeHasher hasher;
    private final int[] header = new int[ShapeLayout.HEADER];
    private final Ints interfaces = new Ints();
    private final Ints nestMembers = new Ints();
    private final Ints permittedSubclasses = new Ints();
    private final Ints recordComponents = new Ints();
    private final Ints fields = new Ints();
    private final Ints methods = new Ints();
    private final Ints fieldNames = new Ints();
    private final Ints methodNames = new Ints();
    private long[] methodData = new long[16];
    /** The fields' constant values in field order, in {@link ShapeLayout} form. */
    private final List<Long> constants = new ArrayList<>();
    private final Set<String> anonymous = new HashSet<>();
    private final Set<String> switchMapHolders = new HashSet<>();
    private final Map<String, Integer> lambdaCreators = new HashMap<>();

    private AsmShapeReader() {
        super(Opcodes.ASM9);
    }

    /** {@return the shape of a class file, as ASM's visitors read it} */
    static ClassShape shape(byte[] classFile) {
        AsmShapeReader reader = new AsmShapeReader();
        new ClassReader(classFile).accept(reader, ClassReader.SKIP_FRAMES);
        return new ClassShape(reader.symbolIds(), reader.methodData(), reader.nestMemberKinds());
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
                      String[] interfaces) {
        hasher = new AsmCodeHasher(name, "L".concat(name).concat(";"), this);
        header[ShapeLayout.NAME] = symbols.intern(name);
        header[ShapeLayout.SUPER] = superName == null ? -1 : symbols.intern(superName);
        header[ShapeLayout.NEST_HOST] = -1;
        header[ShapeLayout.ACCESS_AND_VERSION] = (access & CLASS_FILE_FLAGS) | (version & 0xFFFF) << 16;
        if (interfaces != null) {
            for (String type : interfaces) {
                this.interfaces.add(symbols.intern(type));
            }
        }
    }

    @Override
    public void visitNestHost(String host) {
        header[ShapeLayout.NEST_HOST] = symbols.intern(host);
    }

    @Override
    public void visitNestMember(String member) {
        nestMembers.add(symbols.intern(member));
    }

    @Override
    public void visitPermittedSubclass(String subclass) {
        permittedSubclasses.add(symbols.intern(subclass));
    }

    @Override
    public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
        recordComponents.add(symbols.intern(name));
        recordComponents.add(symbols.intern(descriptor));
        recordComponents.add(signature == null ? -1 : symbols.intern(signature));
        return null;
    }

    @Override
    public void visitInnerClass(String name, String outerName, String innerName, int access) {
        if (innerName == null) {
            anonymous.add(name);
        }
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        fields.add(ShapeLayout.nameHash(name));
        fields.add(symbols.intern(descriptor));
        fieldNames.add(symbols.intern(name));
        int kind = 0;
        long bits = 0;
        if (value instanceof Integer i) {
            kind = ShapeLayout.CONSTANT_INT;
            bits = i;
        } else if (value instanceof Float f) {
            kind = ShapeLayout.CONSTANT_FLOAT;
            bits = Float.floatToRawIntBits(f);
        } else if (value instanceof Long l) {
            kind = ShapeLayout.CONSTANT_LONG;
            bits = l;
        } else if (value instanceof Double d) {
            kind = ShapeLayout.CONSTANT_DOUBLE;
            bits = Double.doubleToRawLongBits(d);
        } else if (value instanceof String text) {
            kind = ShapeLayout.CONSTANT_STRING;
            bits = symbols.intern(text);
        }
        fields.add((access & CLASS_FILE_FLAGS) | ShapeLayout.packConstantKind(kind));
        if (kind != 0) {
            constants.add(bits);
        }
        return null;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        int index = methods.size / ShapeLayout.METHOD_INTS;
        methods.add(ShapeLayout.nameHash(name));
        methods.add(symbols.intern(descriptor));
        methodNames.add(symbols.intern(name));
        if (2 * index + 1 >= methodData.length) {
            methodData = Arrays.copyOf(methodData, methodData.length * 2);
        }
        methodData[2 * index + 1] = access & CLASS_FILE_FLAGS;
        return hasher.method(index);
    }

    @Override
    public void hashed(int index, long codeHash, long debugHash) {
        methodData[2 * index] = codeHash;
        methodData[2 * index + 1] |= ShapeLayout.packDebugHash(debugHash);
    }

    @Override
    public void createsLambda(int index, String name, String descriptor) {
        lambdaCreators.putIfAbsent(name + descriptor, index);
    }

    @Override
    public void readsSwitchMap(String holder) {
        switchMapHolders.add(holder);
    }

    /** {@return the symbol ids and counts of every section, in {@link ShapeLayout} order} */
    int[] symbolIds() {
        int methodCount = methods.size / ShapeLayout.METHOD_INTS;
        int fieldCount = fields.size / ShapeLayout.FIELD_INTS;
        header[ShapeLayout.INTERFACES_AND_NEST] = interfaces.size | nestMembers.size << 16;
        header[ShapeLayout.PERMITTED_AND_RECORD] = permittedSubclasses.size | (recordComponents.size / ShapeLayout.RECORD_INTS) << 16;
        header[ShapeLayout.FIELDS_AND_METHODS] = fieldCount | methodCount << 16;
        int[] ids = new int[ShapeLayout.HEADER + interfaces.size + nestMembers.size + permittedSubclasses.size
                + recordComponents.size + fields.size + methods.size + fieldNames.size + methodNames.size];
        int at = 0;
        for (Ints section : new Ints[] {new Ints(header), interfaces, nestMembers, permittedSubclasses,
                recordComponents, fields, methods, fieldNames, methodNames}) {
            System.arraycopy(section.values, 0, ids, at, section.size);
            at += section.size;
        }
        return ids;
    }

    /**
     * {@return per method: code hash, then debug hash, lambda creator and access flags packed; then the fields'
     * constant values}
     */
    long[] methodData() {
        int count = methods.size / ShapeLayout.METHOD_INTS;
        long[] data = Arrays.copyOf(methodData, 2 * count + constants.size());
        for (int i = 0; i < constants.size(); i++) {
            data[2 * count + i] = constants.get(i);
        }
        for (int i = 0; i < count; i++) {
            Integer creator = lambdaCreators.isEmpty() ? null
                    : lambdaCreators.get(symbols.string(methodNames.values[i]) + symbols.string(methods.values[2 * i + 1]));
            if (creator != null && creator != i) {
                data[2 * i + 1] |= ShapeLayout.packCreator(creator);
            }
        }
        return data;
    }

    /** {@return the kind of each nest member in order, or null when every one is NAMED} */
    @SuppressWarnings("EnumOrdinal") // a byte a member; read back only in this JVM
    byte[] nestMemberKinds() {
        byte[] kinds = null;
        for (int i = 0; i < nestMembers.size; i++) {
            String member = symbols.string(nestMembers.values[i]);
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

    /** A growable list of ints. */
    private static final class Ints {
        int[] values;
        int size;

        Ints() {
            values = new int[8];
        }

        Ints(int[] all) {
            values = all;
            size = all.length;
        }

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
