package dev.reload.patcher.rewrite;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;

import java.util.List;
import java.util.Objects;

/**
 * Refuses the class-level edits the rewrite cannot make on a stock JVM: supertypes, class modifiers, nest,
 * permitted subclasses, record components, fields whose type or modifiers changed, and added fields that cannot live
 * in the runtime's storage (removed fields simply stay).
 */
final class HeaderCheck {
    /** Class modifiers that redefinition compares; {@code ACC_SUPER} is set by every compiler and ignored. */
    private static final int CLASS_MODIFIERS = 0xFFFF & ~Opcodes.ACC_SUPER;

    private static final String ECJ_SWITCH_TABLE = "$SWITCH_TABLE$";

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
        EnumConstants.check(run, next, binaryName);
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
            checkAddable(field, member, binaryName);
            return;
        }
        if (!old.desc.equals(field.desc)) {
            throw new UnsupportedEditException(binaryName, "field " + member, "its type changed from "
                    + Type.getType(old.desc).getClassName() + ", and running objects hold the old type");
        }
        if ((old.access & 0xFFFF) != (field.access & 0xFFFF)) {
            throw new UnsupportedEditException(binaryName, "field " + member, "its modifiers changed");
        }
    }

    /** Refuses the added fields whose value the runtime's storage cannot give as the compiler meant it. */
    private static void checkAddable(FieldNode field, String member, String binaryName)
            throws UnsupportedEditException {
        if ((field.access & Opcodes.ACC_SYNTHETIC) == 0 || field.name.startsWith(ECJ_SWITCH_TABLE)) {
            // ECJ's switch table is filled lazily by its own method when it finds the field null: it works as added.
            return;
        }
        if (field.name.equals("$assertionsDisabled")) {
            throw new UnsupportedEditException(binaryName, "first assert statement added",
                    "the field $assertionsDisabled it needs is set by the static initializer, which is not re-run");
        }
        throw new UnsupportedEditException(binaryName, "field added: " + member,
                "the compiler made it (a captured variable or an outer instance), and it must be set before the"
                        + " superclass constructor runs, which an added field cannot be");
    }

    private static void refuse(String binaryName, String reason) throws UnsupportedEditException {
        throw new UnsupportedEditException(binaryName, null, reason);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
