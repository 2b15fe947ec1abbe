package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a whole class file declares and what it names of other classes, read from its constant pool and member
 * tables in one walk over the bytes, without decoding code (JVMS 4.1, 4.4): its supertypes, its fields and methods,
 * the classes its {@code CONSTANT_Class} entries name and the members its {@code Fieldref}, {@code Methodref} and
 * {@code InterfaceMethodref} entries name. Every class, field or method a class file uses is named there, so this says
 * which members of other classes the file needs to link, with no ASM reader: cheap enough for every file a build
 * writes. Immutable.
 */
public final class ClassFileReferences {
    private final String internalName;
    private final String superName;
    private final List<String> interfaces;
    private final Set<MemberKey> declared;
    private final Set<String> classes;
    private final Set<MemberReference> members;

    /**
     * A field or method of a class, as a {@code Fieldref}, {@code Methodref} or {@code InterfaceMethodref} entry names
     * it: the class it is looked up in (JVMS 5.4.3.2, 5.4.3.3) may inherit it rather than declare it.
     *
     * @param owner the internal name of the class the member is looked up in, never null, never an array
     * @param member the member's name and descriptor, never null
     */
    public record MemberReference(String owner, MemberKey member) {
        // Written out, as MemberKey's: a record's own equals and hashCode spin method-handle classes on first use.

        @Override
        public boolean equals(Object other) {
            return other instanceof MemberReference reference && Objects.equals(owner, reference.owner)
                    && Objects.equals(member, reference.member);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(owner) + Objects.hashCode(member);
        }
    }

    private ClassFileReferences(ClassFileOutline outline) {
        PoolStrings pool = new PoolStrings(outline);
        internalName = outline.internalName();
        int superIndex = outline.u2(outline.poolEnd + 4);
        superName = superIndex == 0 ? null : pool.className(superIndex);
        int interfaceCount = outline.u2(outline.poolEnd + 6);
        String[] supers = new String[interfaceCount];
        for (int i = 0; i < interfaceCount; i++) {
            supers[i] = pool.className(outline.u2(outline.poolEnd + 8 + 2 * i));
        }
        interfaces = List.of(supers);
        Set<MemberKey> members = new HashSet<>();
        int methods = declaredMembers(pool, outline.poolEnd + 8 + 2 * interfaceCount, members);
        declaredMembers(pool, methods, members);
        // Wrapped, not copied: nothing else holds these sets, and a copy would double what a batch allocates here.
        declared = Collections.unmodifiableSet(members);
        Set<String> named = new LinkedHashSet<>();
        Set<MemberReference> referenced = new LinkedHashSet<>();
        readPool(outline, pool, internalName, named, referenced);
        classes = Collections.unmodifiableSet(named);
        this.members = Collections.unmodifiableSet(referenced);
    }

    /**
     * Adds the classes ({@code named}) and the members of other classes ({@code referenced}) the constant pool names.
     * A method of its own, not a loop in the constructor: the JIT compiles a hot loop from the loop on, with what
     * follows it inlined, and each redefinition throws away the compilations under way; a small one is done before
     * the save's redefinition comes.
     */
    private static void readPool(ClassFileOutline outline, PoolStrings pool, String ownName, Set<String> named,
                                 Set<MemberReference> referenced) {
        for (int index = 1; index < outline.poolCount; index++) {
            int offset = outline.poolOffset(index);
            if (offset == 0) {
                continue; // the slot after a long or double
            }
            switch (outline.bytes[offset]) {
                case ClassFileOutline.CONSTANT_CLASS -> {
                    String name = elementClass(pool.utf8(outline.u2(offset + 1)));
                    if (name != null && !name.equals(ownName)) {
                        named.add(name);
                    }
                }
                case ClassFileOutline.CONSTANT_FIELDREF, ClassFileOutline.CONSTANT_METHODREF,
                        ClassFileOutline.CONSTANT_INTERFACE_METHODREF -> {
                    String owner = pool.className(outline.u2(offset + 1));
                    if (owner.charAt(0) != '[') { // an array's members are Object's (clone, length is no member)
                        referenced.add(new MemberReference(owner, nameAndType(pool, outline.u2(offset + 3))));
                    }
                }
                default -> {
                    // Strings, numbers, method handles and types, dynamic constants: their members are named by
                    // the Methodref and Fieldref entries they point to.
                }
            }
        }
    }

    /**
     * The strings of a class file's UTF-8 entries, each decoded once: a class's name, a common descriptor or a
     * member's name is named by many entries (every {@code Methodref} names its owner), and this reads every file
     * of a batch.
     */
    private static final class PoolStrings {
        final ClassFileOutline outline;
        private final String[] decoded;

        PoolStrings(ClassFileOutline outline) {
            this.outline = outline;
            this.decoded = new String[outline.poolCount];
        }

        String utf8(int index) {
            String text = index > 0 && index < decoded.length ? decoded[index] : null;
            if (text == null) {
                text = outline.utf8(index); // checks the index and the tag
                decoded[index] = text;
            }
            return text;
        }

        String className(int classIndex) {
            return utf8(outline.classNameIndex(classIndex));
        }
    }

    /**
     * {@return what a class file declares and names, or null when it is not a whole class file: one still being
     * written (its constant pool, members and attributes, walked without decoding them, end before or after its
     * last byte), or no class file at all}
     *
     * @param bytes the file's content, never null; not modified, not kept
     */
    public static ClassFileReferences ofWhole(byte[] bytes) {
        try {
            ClassFileOutline outline = ClassFileOutline.of(bytes);
            return outline.end == bytes.length ? new ClassFileReferences(outline) : null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // A pool index out of range or of the wrong kind (ClassFileFormatException), an empty name: not whole.
            return null;
        }
    }

    /** {@return the class's internal name} */
    public String internalName() {
        return internalName;
    }

    /** {@return the superclass's internal name; null for {@code java/lang/Object} and {@code module-info}} */
    public String superName() {
        return superName;
    }

    /** {@return the internal names of the direct superinterfaces, in order} */
    public List<String> interfaces() {
        return interfaces;
    }

    /** {@return true when the class declares the field or method (inherited ones are not declared)} */
    public boolean declares(MemberKey member) {
        return declared.contains(member);
    }

    /** {@return the fields and methods the class declares, each by name and descriptor} */
    public Set<MemberKey> declared() {
        return declared;
    }

    /** {@return the internal names of the other classes its {@code CONSTANT_Class} entries name; an array's element class} */
    public Set<String> classes() {
        return classes;
    }

    /** {@return the fields and methods its constant pool names, of its own class and of others} */
    public Set<MemberReference> members() {
        return members;
    }

    /** {@return the offset after a fields or methods table}; adds each member's name and descriptor to {@code into} */
    private static int declaredMembers(PoolStrings pool, int countOffset, Set<MemberKey> into) {
        ClassFileOutline outline = pool.outline;
        int offset = countOffset + 2;
        for (int i = outline.u2(countOffset); i > 0; i--) {
            into.add(new MemberKey(pool.utf8(outline.u2(offset + 2)), pool.utf8(outline.u2(offset + 4))));
            int attributes = outline.u2(offset + 6);
            offset += 8; // access_flags, name_index, descriptor_index, attributes_count
            for (int a = 0; a < attributes; a++) {
                offset += 6 + outline.u4(offset + 2); // attribute_name_index, attribute_length, info
            }
        }
        return offset;
    }

    private static MemberKey nameAndType(PoolStrings pool, int index) {
        ClassFileOutline outline = pool.outline;
        int offset = outline.poolOffset(index);
        if (offset == 0 || outline.bytes[offset] != ClassFileOutline.CONSTANT_NAME_AND_TYPE) {
            throw new ClassFileFormatException(offset, "constant pool index " + index + " is no NameAndType");
        }
        return new MemberKey(pool.utf8(outline.u2(offset + 1)), pool.utf8(outline.u2(offset + 3)));
    }

    /** {@return the class a {@code CONSTANT_Class} entry names: the element class of an array; null for a primitive one} */
    private static String elementClass(String name) {
        if (name.isEmpty() || name.charAt(0) != '[') {
            return name;
        }
        String element = name.substring(name.lastIndexOf('[') + 1);
        return element.charAt(0) == 'L' ? element.substring(1, element.length() - 1) : null;
    }
}
