package dev.reload.patcher.diff;

import dev.reload.patcher.diff.Verdict.Kind;

import java.util.List;

/**
 * A change to the lambdas of a method, matched by their code and captured types, not by the numbered
 * names compilers give them ({@code lambda$update$0} by javac, {@code lambda$0} by ECJ).
 */
public sealed interface LambdaChange extends Change {
    /** A lambda (a new synthetic {@code lambda$...} method) appeared in a method. */
    record Added(String owner, String host, String hostDescriptor) implements LambdaChange {
        @Override
        public String describe() {
            return "lambda added in " + Words.method(owner, host, hostDescriptor);
        }

        @Override
        public Kind needs() {
            return Kind.NEEDS_REWRITE;
        }

        @Override
        public String consequence() {
            return "every lambda is a method, and the running JVM cannot add methods; " + Change.RESTART;
        }

        @Override
        public String editedMethod() {
            return host;
        }
    }


    /** A lambda disappeared from a method. */
    record Removed(String owner, String host, String hostDescriptor) implements LambdaChange {
        @Override
        public String describe() {
            return "lambda removed from " + Words.method(owner, host, hostDescriptor);
        }

        @Override
        public Kind needs() {
            return Kind.NEEDS_REWRITE;
        }

        @Override
        public String consequence() {
            return "every lambda is a method, and the running JVM cannot remove methods; " + Change.RESTART;
        }

        @Override
        public String editedMethod() {
            return host;
        }
    }


    /** The code inside a lambda changed; it kept its synthetic method. */
    record BodyChanged(String owner, String host, String hostDescriptor) implements LambdaChange {
        @Override
        public String describe() {
            return "lambda body changed in " + Words.method(owner, host, hostDescriptor);
        }

        @Override
        public Kind needs() {
            return Kind.REDEFINABLE;
        }

        @Override
        public String editedMethod() {
            return host;
        }
    }


    /** Lambdas of a method kept their code but the compiler numbered their synthetic methods differently. */
    record Renumbered(String owner, String host, String hostDescriptor, List<String> oldNames,
                             List<String> newNames) implements LambdaChange {
        public Renumbered {
            oldNames = List.copyOf(oldNames);
            newNames = List.copyOf(newNames);
        }

        @Override
        public String describe() {
            return "lambdas renumbered in " + Words.method(owner, host, hostDescriptor) + " (same code): "
                    + String.join(", ", oldNames) + " → " + String.join(", ", newNames);
        }

        @Override
        public Kind needs() {
            return Kind.NEEDS_REWRITE;
        }

        @Override
        public String consequence() {
            return "lambdas already made call their method by name and would run another lambda's code; "
                    + Change.RESTART;
        }
    }

}
