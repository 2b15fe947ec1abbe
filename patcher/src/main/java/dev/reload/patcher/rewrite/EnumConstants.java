package dev.reload.patcher.rewrite;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;

import java.util.List;

/**
 * Refuses the enum constant edits the running enum cannot follow. The constants that run keep their objects, and
 * with them their ordinals; an added constant is made by its own initializer with the ordinal its declaration gives
 * it. So constants may be added or removed at the end only: a constant inserted, removed or moved before others
 * would leave two constants with one ordinal, or a {@code values()} whose positions are not the ordinals, which
 * {@code EnumMap}, {@code EnumSet} and every switch index by. A constant with a body is a subclass of the enum,
 * which a running enum compiled without one cannot have.
 */
final class EnumConstants {
    private static final String AT_THE_END = "the running constants keep their ordinals; add new constants after the"
            + " last one, or remove them from the end, or restart to apply";

    private static final String KOTLIN_ENTRIES = "Lkotlin/enums/EnumEntries;";

    private EnumConstants() {
    }

    /** {@return the names of the enum constants of {@code node}, in declaration order} */
    static List<String> names(ClassNode node) {
        return node.fields.stream().filter(field -> (field.access & Opcodes.ACC_ENUM) != 0).map(field -> field.name)
                .toList();
    }

    static void check(ClassNode run, ClassNode next, String binaryName) throws UnsupportedEditException {
        if ((next.access & Opcodes.ACC_ENUM) == 0 || (run.access & Opcodes.ACC_ENUM) == 0) {
            return;
        }
        List<String> before = names(run);
        List<String> after = names(next);
        for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
            if (!before.get(i).equals(after.get(i))) {
                throw new UnsupportedEditException(binaryName, "enum constant " + after.get(i) + " at position " + i
                        + " (" + before.get(i) + " is there now)", AT_THE_END);
            }
        }
        if ((run.access & Opcodes.ACC_FINAL) != 0 && (next.access & Opcodes.ACC_FINAL) == 0) {
            String added = after.size() > before.size() ? after.get(before.size()) : null;
            throw new UnsupportedEditException(binaryName, added == null ? null : "enum constant " + added,
                    "a constant with a body ({ ... }) is a subclass of the enum, and the running enum was loaded"
                            + " final; declare its behaviour without a body, or restart to apply");
        }
    }

    /**
     * {@return whether {@code field} is the compiler's list of the enum's constants: the array (javac's and
     * kotlinc's {@code $VALUES}, ECJ's {@code ENUM$VALUES}), or kotlinc's {@code $ENTRIES} made from it}
     */
    static boolean listsConstants(ClassNode owner, FieldNode field) {
        return (owner.access & Opcodes.ACC_ENUM) != 0 && (field.access & Opcodes.ACC_STATIC) != 0
                && (field.access & Opcodes.ACC_SYNTHETIC) != 0
                && (field.desc.equals("[L" + owner.name + ";") || field.desc.equals(KOTLIN_ENTRIES));
    }
}
