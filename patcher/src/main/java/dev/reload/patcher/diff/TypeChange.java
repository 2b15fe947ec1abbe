package dev.reload.patcher.diff;

import dev.reload.patcher.diff.Verdict.Kind;
import dev.reload.patcher.diff.Words.Holder;
import dev.reload.patcher.shape.NestMemberKind;
import dev.reload.patcher.shape.RecordComponentShape;
import org.objectweb.asm.Opcodes;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A change to the class itself: its name, supertypes, modifiers, nest, record components or permitted
 * subclasses.
 */
public sealed interface TypeChange extends Change {
    /**
     * The direct superclass changed.
     *
     * @param oldSuper null only for java/lang/Object
     * @param newSuper likewise
     */
    record SuperclassChanged(String oldSuper, String newSuper) implements TypeChange {
        @Override
        public String describe() {
            return "superclass changed: " + Words.binary(oldSuper) + " → " + Words.binary(newSuper);
        }

        @Override
        public Kind needs() {
            return Kind.REJECTED;
        }

        @Override
        public String consequence() {
            return "running objects were laid out for the old superclass";
        }
    }


    /** The list of directly implemented interfaces changed. */
    record InterfacesChanged(List<String> added, List<String> removed) implements TypeChange {
        public InterfacesChanged {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }

        @Override
        public String describe() {
            return "interfaces changed:" + (added.isEmpty() ? "" : " added " + Words.binaries(added))
                    + (removed.isEmpty() ? "" : (added.isEmpty() ? "" : ";") + " removed " + Words.binaries(removed))
                    + (added.isEmpty() && removed.isEmpty() ? " reordered" : "");
        }

        @Override
        public Kind needs() {
            return Kind.REJECTED;
        }

        @Override
        public String consequence() {
            return "the running JVM cannot change the types a class implements";
        }
    }


    /**
     * An enum loaded final is no longer final (and may be abstract, and sealed): a constant has a body
     * ({@code MACE { ... }}), which makes it a subclass of the enum, and no subclass of a class loaded final can
     * load. The body's class, the sealing and the constant added follow from it and are not reported apart.
     *
     * @param added the constants the new version adds, one of which has the body, or none when an existing one
     *              was given it; never null
     */
    record EnumConstantBodyGiven(List<String> added) implements TypeChange {
        public EnumConstantBodyGiven {
            added = List.copyOf(added);
        }

        @Override
        public String describe() {
            return added.size() == 1 ? "enum constant " + added.get(0)
                    : "an enum constant with a body" + (added.isEmpty() ? "" : " among " + String.join(", ", added));
        }

        @Override
        public Kind needs() {
            return Kind.REJECTED;
        }

        @Override
        public String consequence() {
            return "a constant with a body ({ ... }) is a subclass of the enum, and the running enum was loaded final";
        }

        @Override
        public String whatToDo() {
            return "declare its behaviour without a body, or restart to apply";
        }
    }


    /** The class's own modifiers changed (public, final, abstract, interface, ...). */
    record ModifiersChanged(int oldAccess, int newAccess) implements TypeChange {
        @Override
        public String describe() {
            // ACC_SUPER has no word in source; it only shows when it is what changed.
            int hidden = Opcodes.ACC_SUPER;
            return "class modifiers changed: " + Words.modifiers(oldAccess & ~hidden, Holder.CLASS) + " → "
                    + Words.modifiers(newAccess & ~hidden, Holder.CLASS)
                    + (((oldAccess ^ newAccess) & hidden) != 0 ? " (the ACC_SUPER flag changed)" : "");
        }

        @Override
        public Kind needs() {
            return Kind.REJECTED;
        }

        @Override
        public String consequence() {
            return "the running JVM cannot change a class's modifiers";
        }
    }


    /**
     * The nest host changed.
     *
     * @param oldHost nullable
     * @param newHost nullable
     */
    record NestHostChanged(String oldHost, String newHost) implements TypeChange {
        @Override
        public String describe() {
            return "nest host changed: " + Words.binary(oldHost) + " → " + Words.binary(newHost);
        }

        @Override
        public Kind needs() {
            return Kind.REJECTED;
        }

        @Override
        public String consequence() {
            return "the running JVM cannot move a class to another nest";
        }
    }


    /**
     * A nested, anonymous or synthetic class joined or left this nest host's {@code NestMembers}.
     *
     * @param kind what the member is, as the host's file tells
     */
    record NestMemberChanged(String member, NestMemberKind kind, boolean added)
            implements TypeChange {
        @Override
        public String describe() {
            String what = switch (kind) {
                case ANONYMOUS -> "anonymous class ";
                case SWITCH_MAP -> "enum switch map class ";
                case NAMED -> "nested class ";
            };
            return what + (added ? "added: " : "removed: ") + Words.binary(member);
        }

        @Override
        public Kind needs() {
            return Kind.NEEDS_REWRITE;
        }

        @Override
        public String consequence() {
            return "the running JVM cannot change the NestMembers of a class";
        }
    }


    /** A record's components changed. */
    record RecordComponentsChanged(List<RecordComponentShape> oldComponents, List<RecordComponentShape> newComponents)
            implements TypeChange {
        public RecordComponentsChanged {
            oldComponents = List.copyOf(oldComponents);
            newComponents = List.copyOf(newComponents);
        }

        @Override
        public String describe() {
            return "record components changed: " + components(oldComponents) + " → " + components(newComponents);
        }

        @Override
        public Kind needs() {
            return Kind.REJECTED;
        }

        @Override
        public String consequence() {
            return "running records were built with the old components";
        }

        private static String components(List<RecordComponentShape> components) {
            return components.stream().map(c -> Words.type(c.descriptor(), c.signature()) + " " + c.name())
                    .collect(Collectors.joining(", ", "(", ")"));
        }
    }


    /** A sealed class's permitted subclasses changed. */
    record PermittedSubclassesChanged(List<String> added, List<String> removed) implements TypeChange {
        public PermittedSubclassesChanged {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }

        @Override
        public String describe() {
            return "permitted subclasses changed:" + (added.isEmpty() ? "" : " added " + Words.binaries(added))
                    + (removed.isEmpty() ? "" : (added.isEmpty() ? "" : ";") + " removed " + Words.binaries(removed));
        }

        @Override
        public Kind needs() {
            return Kind.REJECTED;
        }

        @Override
        public String consequence() {
            return "the running JVM cannot change PermittedSubclasses";
        }
    }


    /** The new bytes are another class altogether. */
    record Renamed(String oldName, String newName) implements TypeChange {
        @Override
        public String describe() {
            return "a different class: " + Words.binary(oldName) + " → " + Words.binary(newName);
        }

        @Override
        public Kind needs() {
            return Kind.REJECTED;
        }

        @Override
        public String consequence() {
            return "a class cannot be redefined as another one";
        }

        @Override
        public String whatToDo() {
            return "check which file was written";
        }
    }

    /**
     * The code of the running anonymous (or other numbered) class now lives under another number, as when
     * an anonymous class is inserted before it, and this class file of the same name holds other code.
     * Redefining the running class with it would give its objects someone else's code, so the running class is
     * redefined from the file that continues it, and the class in this file is loaded under a spare name.
     *
     * @param running the running class's internal name, which this file now uses for other code
     * @param continuedAs the internal name under which the running class's code now is, or null when the
     *        batch has no class with the same code
     */
    record AnonymousClassRenumbered(String running, String continuedAs) implements TypeChange {
        @Override
        public String describe() {
            return "anonymous classes renumbered: this " + Words.binary(running) + " is another class now"
                    + (continuedAs == null ? "" : "; the running one's code is now " + Words.binary(continuedAs));
        }

        @Override
        public Kind needs() {
            return Kind.NEEDS_REWRITE;
        }

        @Override
        public String consequence() {
            return "the running class keeps its own code (from the file that continues it), and this file's class"
                    + " loads under a spare name of its nest";
        }

        @Override
        public String whatToDo() {
            return null;
        }
    }
}
