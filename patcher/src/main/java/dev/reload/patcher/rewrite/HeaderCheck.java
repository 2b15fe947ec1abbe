package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.SyntheticNames;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;

import java.util.List;
import java.util.Objects;

/**
 * Refuses the class-level edits the rewrite cannot make on a stock JVM: supertypes, class modifiers, nest host,
 * permitted subclasses, record components, fields whose modifiers changed, and added fields (a field whose type changed
 * is one: the new code's field of the new type) that cannot live in the runtime's storage (removed fields simply
 * stay).
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
        EnumConstants.check(run, next, binaryName);
        if ((run.access & CLASS_MODIFIERS) != (next.access & CLASS_MODIFIERS)) {
            refuse(binaryName, "its class modifiers changed");
        }
        if (!Objects.equals(run.nestHostClass, next.nestHostClass)) {
            refuse(binaryName, "its nest host changed");
        }
        // A nested class the running NestMembers lacks is fine: the rewrite keeps that list, and the new class
        // loads as its own nest host (UnlistedNestmate), its private access to the nest linked through the host.
        if (!orEmpty(run.permittedSubclasses).equals(orEmpty(next.permittedSubclasses))) {
            refuse(binaryName, "its permitted subclasses changed");
        }
        if (orEmpty(run.recordComponents).size() != orEmpty(next.recordComponents).size()) {
            refuse(binaryName, "its record components changed");
        }
        boolean switchMaps = SwitchMapCopy.isSwitchMapClass(next);
        for (FieldNode field : next.fields) {
            checkField(run, field, binaryName, switchMaps);
        }
    }

    private static void checkField(ClassNode run, FieldNode field, String binaryName, boolean switchMaps)
            throws UnsupportedEditException {
        FieldNode old = StructuralRewriter.runningField(run, field.name);
        String member = Type.getType(field.desc).getClassName() + " " + field.name;
        if (old == null) {
            if (!switchMaps) { // a switch map class's new array is built by an initializer of its own (SwitchCases)
                checkAddable(field, member, binaryName);
            }
            return;
        }
        if (!old.desc.equals(field.desc)) {
            // The new code uses a field of the new type, which lives where added fields live; the running one stays.
            checkAddable(field, member, binaryName);
            return;
        }
        if ((old.access & 0xFFFF) != (field.access & 0xFFFF)) {
            throw new UnsupportedEditException(binaryName, "field " + member, "its modifiers changed");
        }
    }

    /** Refuses the added fields whose value the runtime's storage cannot give as the compiler meant it. */
    private static void checkAddable(FieldNode field, String member, String binaryName)
            throws UnsupportedEditException {
        if ((field.access & Opcodes.ACC_SYNTHETIC) == 0 || SyntheticNames.isSwitchTable(field.name)) {
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
