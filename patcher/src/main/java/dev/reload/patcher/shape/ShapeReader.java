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
 * Collects what a {@link ClassShape} keeps while ASM reads a class file once. Names and descriptors are
 * interned: most of them recur across the classes of one program, and a shape should cost each only once.
 */
final class ShapeReader extends ClassVisitor implements CodeHasher.Sink {
    /** ASM sets flags above the class file's 16 bits (ACC_RECORD, ACC_DEPRECATED); a shape keeps the file's. */
    private static final int CLASS_FILE_FLAGS = 0xFFFF;
    static final String[] NO_STRINGS = {};

    String internalName;
    String superName;
    String[] interfaces;
    int access;
    int majorVersion;
    String nestHost;
    final List<String> nestMembers = new ArrayList<>();
    final List<String> permittedSubclasses = new ArrayList<>();
    final List<String> recordComponents = new ArrayList<>();
    private final Set<String> anonymous = new HashSet<>();
    private final Set<String> switchMapHolders = new HashSet<>();

    final List<String> fieldNames = new ArrayList<>();
    int[] fieldAccess = new int[8];
    Object[] constantValues;

    final List<String> methodNames = new ArrayList<>();
    int[] methodAccess = new int[8];
    long[] methodHashes = new long[16];
    private final Map<String, Integer> lambdaCreators = new HashMap<>();

    private ShapeReader() {
        super(Opcodes.ASM9);
    }

    /** Reads a checked class file; ASM's own exceptions pass through for the caller to classify. */
    static ShapeReader read(byte[] classFile) {
        ShapeReader reader = new ShapeReader();
        new ClassReader(classFile).accept(reader, ClassReader.SKIP_FRAMES);
        reader.resolveLambdaCreators();
        return reader;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
                      String[] interfaces) {
        this.internalName = name.intern();
        this.superName = superName == null ? null : superName.intern();
        this.interfaces = internAll(interfaces);
        this.access = access & CLASS_FILE_FLAGS;
        this.majorVersion = version & 0xFFFF;
    }

    @Override
    public void visitNestHost(String host) {
        nestHost = host.intern();
    }

    @Override
    public void visitNestMember(String member) {
        nestMembers.add(member.intern());
    }

    @Override
    public void visitPermittedSubclass(String subclass) {
        permittedSubclasses.add(subclass.intern());
    }

    @Override
    public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
        recordComponents.add(name.intern());
        recordComponents.add(descriptor.intern());
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
        int index = fieldNames.size() / 2;
        fieldNames.add(name.intern());
        fieldNames.add(descriptor.intern());
        if (index == fieldAccess.length) {
            fieldAccess = Arrays.copyOf(fieldAccess, index * 2);
        }
        fieldAccess[index] = access & CLASS_FILE_FLAGS;
        if (value != null) {
            if (constantValues == null) {
                constantValues = new Object[Math.max(8, fieldAccess.length)];
            } else if (index >= constantValues.length) {
                constantValues = Arrays.copyOf(constantValues, Math.max(index + 1, constantValues.length * 2));
            }
            constantValues[index] = value instanceof String s ? s.intern() : value;
        }
        return null;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        int index = methodNames.size() / 2;
        methodNames.add(name.intern());
        methodNames.add(descriptor.intern());
        if (index == methodAccess.length) {
            methodAccess = Arrays.copyOf(methodAccess, index * 2);
            methodHashes = Arrays.copyOf(methodHashes, index * 4);
        }
        methodAccess[index] = access & CLASS_FILE_FLAGS;
        return new CodeHasher(internalName, index, this);
    }

    @Override
    public void hashed(int index, long codeHash, long codeHashWithDebug) {
        methodHashes[2 * index] = codeHash;
        methodHashes[2 * index + 1] = codeHashWithDebug;
    }

    @Override
    public void createsLambda(int index, String name, String descriptor) {
        lambdaCreators.putIfAbsent(name + descriptor, index);
    }

    @Override
    public void readsSwitchMap(String holder) {
        switchMapHolders.add(holder);
    }

    /** {@return the kinds of the nest members in their order, or null when every one is a plain NAMED} */
    byte[] nestMemberKinds() {
        byte[] kinds = null;
        for (int i = 0; i < nestMembers.size(); i++) {
            String member = nestMembers.get(i);
            NestMemberKind kind = switchMapHolders.contains(member) ? NestMemberKind.SWITCH_MAP
                    : anonymous.contains(member) ? NestMemberKind.ANONYMOUS : NestMemberKind.NAMED;
            if (kind != NestMemberKind.NAMED) {
                if (kinds == null) {
                    kinds = new byte[nestMembers.size()];
                }
                kinds[i] = (byte) kind.ordinal();
            }
        }
        return kinds;
    }

    /** Stores, above each lambda body's access flags, the index + 1 of the method that creates it. */
    private void resolveLambdaCreators() {
        if (lambdaCreators.isEmpty()) {
            return;
        }
        for (int i = 0; i < methodNames.size() / 2; i++) {
            Integer creator = lambdaCreators.get(methodNames.get(2 * i) + methodNames.get(2 * i + 1));
            if (creator != null && creator != i) {
                methodAccess[i] |= (creator + 1) << 16;
            }
        }
    }

    static String[] internAll(String[] names) {
        if (names == null || names.length == 0) {
            return NO_STRINGS;
        }
        String[] interned = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            interned[i] = names[i].intern();
        }
        return interned;
    }

    static String[] toArray(List<String> names) {
        return names.isEmpty() ? NO_STRINGS : names.toArray(NO_STRINGS);
    }
}
