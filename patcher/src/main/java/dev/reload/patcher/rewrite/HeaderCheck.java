package dev.reload.patcher.rewrite;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;

import java.util.List;
import java.util.Objects;

/**
 * Refuses the class-level edits the rewrite cannot make on a stock JVM: supertypes, class modifiers, nest,
 * permitted subclasses, record components, and fields added or changed (removed fields simply stay).
 */
final class HeaderCheck {
    /** Class modifiers that redefinition compares; {@code ACC_SUPER} is set by every compiler and ignored. */
    private static final int CLASS_MODIFIERS = 0xFFFF & ~Opcodes.ACC_SUPER;

    private HeaderCheck() {
    }

    static void check(ClassNode run, ClassNode next, String binaryName) throws UnsupportedEditException {
        if (!run.name.equals(next.name)) {
            throw new UnsupportedEditException(binaryName, null, "the new class file declares " + next.name);
        }
        if (!Objects.equals(run.superName, next.superName)) {
            refuse(binaryName, "its superclass changed to " + next.superName);
        }
        if (!run.interfaces.equals(next.interfaces)) {
            refuse(binaryName, "its interfaces changed");
        }
        if ((run.access & CLASS_MODIFIERS) != (next.access & CLASS_MODIFIERS)) {
            refuse(binaryName, "its class modifiers changed");
        }
        if (!Objects.equals(run.nestHostClass, next.nestHostClass)) {
            refuse(binaryName, "its nest host changed");
        }
        List<String> runningNest = orEmpty(run.nestMembers);
        for (String member : orEmpty(next.nestMembers)) {
            if (!runningNest.contains(member)) {
                refuse(binaryName, "it has a new nested class " + ClassFiles.binaryName(member)
                        + " beyond the spare names the class was given when it loaded");
            }
        }
        if (!orEmpty(run.permittedSubclasses).equals(orEmpty(next.permittedSubclasses))) {
            refuse(binaryName, "its permitted subclasses changed");
        }
        if (orEmpty(run.recordComponents).size() != orEmpty(next.recordComponents).size()) {
            refuse(binaryName, "its record components changed");
        }
        for (FieldNode field : next.fields) {
            checkField(run, field, binaryName);
        }
    }

    private static void checkField(ClassNode run, FieldNode field, String binaryName)
            throws UnsupportedEditException {
        FieldNode old = StructuralRewriter.runningField(run, field.name);
        String member = Type.getType(field.desc).getClassName() + " " + field.name;
        if (old == null) {
            throw new UnsupportedEditException(binaryName, "field added: " + member,
                    "running objects have no room for it");
        }
        if (!old.desc.equals(field.desc)) {
            throw new UnsupportedEditException(binaryName, "field " + member, "its type changed");
        }
        if ((old.access & 0xFFFF) != (field.access & 0xFFFF)) {
            throw new UnsupportedEditException(binaryName, "field " + member, "its modifiers changed");
        }
    }

    private static void refuse(String binaryName, String reason) throws UnsupportedEditException {
        throw new UnsupportedEditException(binaryName, null, reason);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
