package dev.reload.patcher.shape;

import dev.reload.patcher.shape.UnreadableClassException.Reason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable summary of one class file: what redefinition compares (supertypes, flags, nest, record
 * components, permitted subclasses, fields, methods) and hashes of each method's code.
 *
 * <p>A shape is kept for every class a running program loads, so it is stored compactly: members live in
 * parallel arrays of interned strings, ints and longs, and the {@link FieldShape} and {@link MethodShape}
 * records are made when asked for.
 */
public final class ClassShape {
    private static final int ACCESS_MASK = 0xFFFF;

    private final String internalName;
    private final String superName;
    private final String[] interfaces;
    private final int access;
    private final int majorVersion;
    private final String nestHost;
    private final String[] nestMembers;
    private final byte[] nestMemberKinds;
    private final String[] permittedSubclasses;
    /** Name and descriptor of each record component, alternating. */
    private final String[] recordComponents;
    /** Name and descriptor of each field, alternating. */
    private final String[] fieldNames;
    private final int[] fieldAccess;
    /** Null when no field has a constant value. */
    private final Object[] constantValues;
    /** Name and descriptor of each method, alternating. */
    private final String[] methodNames;
    /** Access flags in the low 16 bits; above them, for a lambda body, the index + 1 of its creator. */
    private final int[] methodAccess;
    /** Code hash and code hash with debug information of each method, alternating. */
    private final long[] methodHashes;

    private ClassShape(ShapeReader r) {
        internalName = r.internalName;
        superName = r.superName;
        interfaces = r.interfaces;
        access = r.access;
        majorVersion = r.majorVersion;
        nestHost = r.nestHost;
        nestMembers = ShapeReader.toArray(r.nestMembers);
        nestMemberKinds = r.nestMemberKinds();
        permittedSubclasses = ShapeReader.toArray(r.permittedSubclasses);
        recordComponents = ShapeReader.toArray(r.recordComponents);
        fieldNames = ShapeReader.toArray(r.fieldNames);
        int fields = fieldNames.length / 2;
        fieldAccess = Arrays.copyOf(r.fieldAccess, fields);
        constantValues = r.constantValues == null ? null : Arrays.copyOf(r.constantValues, fields);
        methodNames = ShapeReader.toArray(r.methodNames);
        int methods = methodNames.length / 2;
        methodAccess = Arrays.copyOf(r.methodAccess, methods);
        methodHashes = Arrays.copyOf(r.methodHashes, 2 * methods);
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
        Objects.requireNonNull(classFile, "classFile");
        ClassFileCheck.check(classFile);
        try {
            return new ClassShape(ShapeReader.read(classFile));
        } catch (RuntimeException e) {
            // The outline is complete, so what ASM trips over is inconsistent content, such as a
            // constant pool index out of range or an attribute shorter than its fields.
            throw new UnreadableClassException(Reason.MALFORMED, -1,
                    "malformed class file: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
    }

    /** {@return the internal name, such as {@code demo/Player}, never null} */
    public String internalName() {
        return internalName;
    }

    /** {@return the binary name, such as {@code demo.Player}, never null} */
    public String binaryName() {
        return internalName.replace('/', '.');
    }

    /** {@return the superclass's internal name; null for {@code java/lang/Object} and {@code module-info}} */
    public String superName() {
        return superName;
    }

    /** {@return the internal names of the direct superinterfaces, in class-file order, never null} */
    public List<String> interfaces() {
        return List.of(interfaces);
    }

    /** {@return the class file's access flags (JVMS table 4.1-B)} */
    public int access() {
        return access;
    }

    /** {@return the class file's major version, such as 61 for Java 17} */
    public int majorVersion() {
        return majorVersion;
    }

    /** {@return the internal name of the nest host from {@code NestHost}, or null when the class has none} */
    public String nestHost() {
        return nestHost;
    }

    /** {@return the internal names in {@code NestMembers}, in class-file order, never null} */
    public List<String> nestMembers() {
        return List.of(nestMembers);
    }

    /**
     * {@return what a nest member is, as far as this host's file tells; empty when it is not a member}
     *
     * @param member a member's internal name, never null
     */
    public Optional<NestMemberKind> nestMemberKind(String member) {
        for (int i = 0; i < nestMembers.length; i++) {
            if (nestMembers[i].equals(member)) {
                return Optional.of(nestMemberKinds == null ? NestMemberKind.NAMED
                        : NestMemberKind.values()[nestMemberKinds[i]]);
            }
        }
        return Optional.empty();
    }

    /** {@return the internal names in {@code PermittedSubclasses}, in class-file order, never null} */
    public List<String> permittedSubclasses() {
        return List.of(permittedSubclasses);
    }

    /** {@return the record components in order; empty for a class that is no record, never null} */
    public List<RecordComponentShape> recordComponents() {
        List<RecordComponentShape> components = new ArrayList<>(recordComponents.length / 2);
        for (int i = 0; i < recordComponents.length; i += 2) {
            components.add(new RecordComponentShape(recordComponents[i], recordComponents[i + 1]));
        }
        return List.copyOf(components);
    }

    /** {@return the fields in class-file order, never null} */
    public List<FieldShape> fields() {
        List<FieldShape> fields = new ArrayList<>(fieldAccess.length);
        for (int i = 0; i < fieldAccess.length; i++) {
            fields.add(fieldAt(i));
        }
        return List.copyOf(fields);
    }

    /** {@return the methods in class-file order, never null} */
    public List<MethodShape> methods() {
        List<MethodShape> methods = new ArrayList<>(methodAccess.length);
        for (int i = 0; i < methodAccess.length; i++) {
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
        for (int i = 0; i < methodAccess.length; i++) {
            if (methodNames[2 * i].equals(name) && methodNames[2 * i + 1].equals(descriptor)) {
                return Optional.of(methodAt(i));
            }
        }
        return Optional.empty();
    }

    /**
     * {@return the field with this name, if the class declares it}
     *
     * @param name the field's name, never null
     */
    public Optional<FieldShape> field(String name) {
        for (int i = 0; i < fieldAccess.length; i++) {
            if (fieldNames[2 * i].equals(name)) {
                return Optional.of(fieldAt(i));
            }
        }
        return Optional.empty();
    }

    /**
     * {@return the method whose code creates the given lambda body through {@code invokedynamic}; empty
     * when the method is no lambda body of this class or nothing in the class creates it}
     *
     * @param lambda a method of this class, never null
     */
    public Optional<MethodShape> creatorOf(MethodShape lambda) {
        for (int i = 0; i < methodAccess.length; i++) {
            if (methodNames[2 * i].equals(lambda.name()) && methodNames[2 * i + 1].equals(lambda.descriptor())) {
                int creator = (methodAccess[i] >>> 16) - 1;
                return creator < 0 ? Optional.empty() : Optional.of(methodAt(creator));
            }
        }
        return Optional.empty();
    }

    private FieldShape fieldAt(int i) {
        return new FieldShape(fieldNames[2 * i], fieldNames[2 * i + 1], fieldAccess[i],
                constantValues == null ? null : constantValues[i]);
    }

    private MethodShape methodAt(int i) {
        return new MethodShape(methodNames[2 * i], methodNames[2 * i + 1], methodAccess[i] & ACCESS_MASK,
                methodHashes[2 * i], methodHashes[2 * i + 1]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClassShape that
                && internalName.equals(that.internalName)
                && Objects.equals(superName, that.superName)
                && access == that.access
                && majorVersion == that.majorVersion
                && Objects.equals(nestHost, that.nestHost)
                && Arrays.equals(interfaces, that.interfaces)
                && Arrays.equals(nestMembers, that.nestMembers)
                && Arrays.equals(nestMemberKinds, that.nestMemberKinds)
                && Arrays.equals(permittedSubclasses, that.permittedSubclasses)
                && Arrays.equals(recordComponents, that.recordComponents)
                && Arrays.equals(fieldNames, that.fieldNames)
                && Arrays.equals(fieldAccess, that.fieldAccess)
                && Arrays.equals(constantValues, that.constantValues)
                && Arrays.equals(methodNames, that.methodNames)
                && Arrays.equals(methodAccess, that.methodAccess)
                && Arrays.equals(methodHashes, that.methodHashes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(internalName, Arrays.hashCode(methodNames), Arrays.hashCode(methodHashes));
    }

    /** {@return a readable multi-line dump, one line per member, so a failed comparison shows a diff} */
    @Override
    public String toString() {
        return ShapeDump.dump(this);
    }
}
