package dev.reload.patcher.rewrite;

import org.objectweb.asm.ClassReader;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells from a class file's constant pool alone, without reading its code, whether it names a class: every call,
 * field access and method handle of another class goes through a {@code CONSTANT_Class} entry naming it (JVMS
 * 4.4.1), so a class naming none of the classes with moved methods has no call to redirect.
 */
public final class ClassReferences {
    private static final int CONSTANT_UTF8 = 1;

    private ClassReferences() {
    }

    /**
     * {@return true when the class file's constant pool names one of the classes}
     *
     * @param classFile a class file, never null
     * @param internalNames internal names of classes, never null
     * @throws IllegalArgumentException when the bytes are not a class file
     */
    public static boolean namesAny(byte[] classFile, Set<String> internalNames) {
        // Runs for every class that loads once a method was moved: walk the bytes, no ASM reader.
        return !internalNames.isEmpty() && ClassFileOutline.of(classFile).namesAnyClass(internalNames);
    }

    /**
     * {@return true when the class file's constant pool names a member of one of the names, as a
     * {@code CONSTANT_NameAndType} entry does for every field and method its code names (JVMS 4.4.6)}: a member
     * inherited through a subclass is named with the subclass, so only its name says the class may reach it
     *
     * @param classFile a class file, never null
     * @param names member names, never null
     * @throws IllegalArgumentException when the bytes are not a class file
     */
    public static boolean namesAnyMember(byte[] classFile, Set<String> names) {
        return !names.isEmpty() && ClassFileOutline.of(classFile).namesAnyMember(names);
    }

    /**
     * {@return the member names that the class file's constant pool names, as {@link #namesAnyMember} reads them, and
     * that are one of {@code names} or begin with one of {@code prefixes}}: one walk answers for many names
     *
     * @param classFile a class file, never null
     * @param names member names, never null
     * @param prefixes beginnings of member names, such as kotlinc's numbered {@code $EnumSwitchMapping$}, never null
     * @throws IllegalArgumentException when the bytes are not a class file
     */
    public static Set<String> memberNamesAmong(byte[] classFile, Set<String> names, List<String> prefixes) {
        Set<String> found = new LinkedHashSet<>();
        if (!names.isEmpty() || !prefixes.isEmpty()) {
            ClassFileOutline.of(classFile).memberNamesAmong(names, prefixes, found);
        }
        return found;
    }

    /**
     * {@return true when the constant pool holds the ASCII string, as it must hold any member's name}: a cheap first
     * check that reads no member
     */
    static boolean poolHoldsAscii(ClassReader reader, String ascii) {
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset > 0 && reader.readByte(offset - 1) == CONSTANT_UTF8
                    && reader.readUnsignedShort(offset) == ascii.length() && asciiAt(reader, offset + 2, ascii)) {
                return true;
            }
        }
        return false;
    }

    private static boolean asciiAt(ClassReader reader, int start, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (reader.readByte(start + i) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
