package dev.reload.patcher.diff;

import dev.reload.patcher.diff.Verdict.Kind;
import dev.reload.patcher.diff.Words.Holder;

import org.objectweb.asm.Opcodes;

import java.util.List;

/**
 * A change to the fields of a class, including the synthetic ones compilers add for {@code assert},
 * enum constants and ECJ's enum switch tables.
 */
public sealed interface FieldChange extends Change {
    /** A field the running class does not have. */
    record Added(String name, String descriptor, int access) implements FieldChange {
        @Override
        public String describe() {
            return "field added: " + Words.field(name, descriptor, access);
        }

        @Override
        public Kind needs() {
            return Kind.NEEDS_REWRITE;
        }

        @Override
        public String consequence() {
            return ((access & Opcodes.ACC_STATIC) != 0
                    ? "the running class has no room for it" : "running objects have no room for it");
        }
    }


    /** A field the new version no longer has. */
    record Removed(String name, String descriptor, int access) implements FieldChange {
        @Override
        public String describe() {
            return "field removed: " + Words.field(name, descriptor, access);
        }

        @Override
        public Kind needs() {
            return Kind.NEEDS_REWRITE;
        }

        @Override
        public String consequence() {
            return "the running JVM cannot remove fields";
        }
    }


    /** A field kept its name but changed its type. */
    record TypeChanged(String name, String oldDescriptor, String newDescriptor, int access) implements FieldChange {
        @Override
        public String describe() {
            return "field type changed: " + Words.field(name, oldDescriptor, access) + " → "
                    + Words.type(newDescriptor);
        }

        @Override
        public Kind needs() {
            return Kind.NEEDS_REWRITE;
        }

        @Override
        public String consequence() {
            return "the running objects hold the old type";
        }
    }


    /** A field's modifiers changed. */
    record ModifiersChanged(String name, String descriptor, int oldAccess, int newAccess) implements FieldChange {
        @Override
        public String describe() {
            return "field modifiers changed: " + Words.field(name, descriptor, 0) + ": "
                    + Words.modifiers(oldAccess, Holder.FIELD) + " → " + Words.modifiers(newAccess, Holder.FIELD);
        }

        @Override
        public Kind needs() {
            return Kind.NEEDS_REWRITE;
        }

        @Override
        public String consequence() {
            return "the running JVM cannot change modifiers";
        }
    }


    /**
     * The compile-time constant of a static final field changed. The JVM takes the new class, but the
     * field keeps the value it was initialized with, and code that javac inlined the constant into keeps it.
     *
     * @param oldValue the running constant, or null when there was none
     * @param newValue the new constant, or null when there is none
     */
    record ConstantChanged(String name, String descriptor, int access, Object oldValue, Object newValue)
            implements FieldChange {
        @Override
        public String describe() {
            return "constant changed: " + Words.field(name, descriptor, access) + " = " + oldValue + " → " + newValue
                    + " (the running field keeps " + oldValue + "; the new code uses " + newValue + ")";
        }

        @Override
        public Kind needs() {
            return Kind.REDEFINABLE;
        }
    }


    /** javac or ECJ added the {@code $assertionsDisabled} field because the class now uses {@code assert}. */
    record AssertionsAdded() implements FieldChange {
        @Override
        public String describe() {
            return "first assert statement added: the class gains the field $assertionsDisabled";
        }

        @Override
        public Kind needs() {
            return Kind.NEEDS_REWRITE;
        }

        @Override
        public String consequence() {
            return "running objects have no room for it";
        }
    }


    /**
     * ECJ's {@code $SWITCH_TABLE$...} field and method for a switch on an enum appeared or disappeared.
     *
     * @param enumName the switched enum's binary name, as far as the synthetic name tells it
     */
    record SwitchTableChanged(String enumName, boolean added) implements FieldChange {
        @Override
        public String describe() {
            return "enum switch " + (added ? "added" : "removed") + ": switch table for " + enumName
                    + " (a synthetic field and method of the Eclipse compiler)";
        }

        @Override
        public Kind needs() {
            return Kind.NEEDS_REWRITE;
        }

        @Override
        public String consequence() {
            return "the running JVM cannot add or remove fields and methods";
        }
    }


    /** An enum gained or lost a constant. */
    record EnumConstantChanged(String name, boolean added) implements FieldChange {
        @Override
        public String describe() {
            return "enum constant " + (added ? "added: " : "removed: ") + name;
        }

        @Override
        public Kind needs() {
            return Kind.NEEDS_REWRITE;
        }

        @Override
        public String consequence() {
            return "the running enum's values() list is rebuilt; its constants keep their objects and ordinals";
        }
    }

    /** The same fields are declared in another order, which changes where objects hold them. */
    record Reordered(List<String> oldOrder, List<String> newOrder) implements FieldChange {
        public Reordered {
            oldOrder = List.copyOf(oldOrder);
            newOrder = List.copyOf(newOrder);
        }

        @Override
        public String describe() {
            return "fields reordered: " + String.join(", ", oldOrder) + " → " + String.join(", ", newOrder);
        }

        @Override
        public Kind needs() {
            return Kind.NEEDS_REWRITE;
        }

        @Override
        public String consequence() {
            return "the running JVM compares fields in declaration order";
        }
    }
}
