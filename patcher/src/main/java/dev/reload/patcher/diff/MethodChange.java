package dev.reload.patcher.diff;

import dev.reload.patcher.diff.Verdict.Kind;
import dev.reload.patcher.diff.Words.Holder;
import dev.reload.patcher.shape.SyntheticNames;
import org.objectweb.asm.Opcodes;

/**
 * A change to one method: its code, its signature or its modifiers.
 */
public sealed interface MethodChange extends Change {
    /** A method's instructions changed; the JVM swaps them in for the next call. */
    record BodyChanged(String owner, String name, String descriptor) implements MethodChange {
        @Override
        public String describe() {
            return "method body changed: " + Words.method(owner, name, descriptor);
        }

        @Override
        public Kind needs() {
            return Kind.REDEFINABLE;
        }

        @Override
        public String editedMethod() {
            return name;
        }
    }


    /** Only line numbers or local variable names of a method changed, as when code above it moved. */
    record DebugInfoChanged(String owner, String name, String descriptor) implements MethodChange {
        @Override
        public String describe() {
            return "debug info only: " + Words.method(owner, name, descriptor) + " (line numbers or local variable names)";
        }

        @Override
        public Kind needs() {
            return Kind.REDEFINABLE;
        }
    }


    /** The static initializer's code changed; redefinition does not run it again. */
    record StaticInitializerChanged() implements MethodChange {
        @Override
        public String describe() {
            return "static initializer changed: it is not re-run, static fields keep their current values";
        }

        @Override
        public Kind needs() {
            return Kind.REDEFINABLE;
        }

        @Override
        public String editedMethod() {
            return "<clinit>";
        }
    }


    /** The class gained or lost a static initializer. */
    record StaticInitializerAddedOrRemoved(boolean added) implements MethodChange {
        @Override
        public String describe() {
            return "static initializer " + (added ? "added" : "removed");
        }

        @Override
        public Kind needs() {
            return Kind.NEEDS_REWRITE;
        }

        @Override
        public String consequence() {
            return "the running JVM cannot add or remove methods";
        }
    }


    /** A method the running class does not have. */
    record Added(String owner, String name, String descriptor, int access) implements MethodChange {
        @Override
        public String describe() {
            return "method added: " + Words.methodWithType(owner, name, descriptor, access);
        }

        @Override
        public Kind needs() {
            return Kind.NEEDS_REWRITE;
        }

        @Override
        public String consequence() {
            return "the running JVM cannot add methods";
        }
    }


    /** A method the new version no longer has. */
    record Removed(String owner, String name, String descriptor, int access) implements MethodChange {
        @Override
        public String describe() {
            return "method removed: " + Words.methodWithType(owner, name, descriptor, access);
        }

        @Override
        public Kind needs() {
            return Kind.NEEDS_REWRITE;
        }

        @Override
        public String consequence() {
            return "the running JVM cannot remove methods";
        }
    }


    /** The only method of a name now takes or returns other types. */
    record SignatureChanged(String owner, String name, String oldDescriptor, String newDescriptor, int access)
            implements MethodChange {
        @Override
        public String describe() {
            return "method signature changed: " + Words.methodWithType(owner, name, oldDescriptor, access)
                    + " → " + Words.methodWithType(owner, name, newDescriptor, access);
        }

        @Override
        public Kind needs() {
            return Kind.NEEDS_REWRITE;
        }

        @Override
        public String consequence() {
            return "to the running JVM that is a method removed and another added";
        }
    }


    /** A method's modifiers changed (visibility, static, final, synchronized, ...). */
    record ModifiersChanged(String owner, String name, String descriptor, int oldAccess, int newAccess)
            implements MethodChange {
        @Override
        public String describe() {
            if (SyntheticNames.isLambda(name)) {
                return lambdaWords();
            }
            return "method modifiers changed: " + Words.method(owner, name, descriptor) + ": "
                    + Words.modifiers(oldAccess, Holder.METHOD) + " → " + Words.modifiers(newAccess, Holder.METHOD);
        }

        /**
         * {@return the change of a lambda's body method in the words of its source}: the compiler makes the body
         * static once the lambda no longer uses {@code this}, and an instance method once it does
         */
        private String lambdaWords() {
            String host = SyntheticNames.hostFromLambdaName(name);
            String where = host == null ? "" : host.equals("<init>") ? " in a constructor or field initializer"
                    : host.equals("<clinit>") ? " in the static initializer" : " in " + host;
            boolean wasStatic = (oldAccess & Opcodes.ACC_STATIC) != 0;
            boolean isStatic = (newAccess & Opcodes.ACC_STATIC) != 0;
            String how = wasStatic == isStatic ? "" : isStatic ? ": it no longer uses this" : ": it now uses this";
            return "lambda changed" + where + how;
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

}
