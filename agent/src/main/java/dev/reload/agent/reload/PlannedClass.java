package dev.reload.agent.reload;

import dev.reload.agent.structural.PreparedRewrite;

import java.lang.instrument.ClassDefinition;

/**
 * One changed class of a batch together with what will be done to it: the definition {@code redefineClasses} takes
 * for it, and what to remember once that took.
 */
sealed interface PlannedClass permits PlannedClass.KeepsMembers, PlannedClass.Rewritten {
    /** {@return the class, its new file and its verdict} */
    JudgedClass judged();

    /** {@return the class and the bytes to redefine it with} */
    ClassDefinition definition();

    /**
     * A class whose new version declares the members it runs with (a body-only change, or one whose new nest
     * members are spares it listed when it loaded): its new class file, conformed to the running class when that
     * was prepared at load, with its calls to moved methods linked.
     *
     * @param judged the class, never null
     * @param classFile the bytes to redefine it with, never null; not to be modified
     * @param members what the class declares as it runs, before and after the reload
     */
    record KeepsMembers(JudgedClass judged, byte[] classFile, RunningMembers members) implements PlannedClass {
        @Override
        public ClassDefinition definition() {
            return new ClassDefinition(judged.type(), classFile);
        }

        /** {@return the same class redefined with other bytes} */
        KeepsMembers withClassFile(byte[] other) {
            return new KeepsMembers(judged, other, members);
        }
    }

    /**
     * A class the structural engine rewrote: its new members live elsewhere, its companion is defined.
     *
     * @param judged the class, never null
     * @param rewrite what the engine prepared, to tell it once the redefinition took; never null
     */
    record Rewritten(JudgedClass judged, PreparedRewrite rewrite) implements PlannedClass {
        @Override
        public ClassDefinition definition() {
            return rewrite.definition();
        }
    }
}
