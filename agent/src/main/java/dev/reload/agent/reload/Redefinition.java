package dev.reload.agent.reload;

import java.util.List;

/**
 * How the redefinition of a planned batch went.
 *
 * @param classes the classes the JVM now runs in their new version; empty when it failed
 * @param failure why the JVM took none of them, or null when it took all
 */
record Redefinition(List<RedefinedClass> classes, String failure) {
    Redefinition {
        classes = List.copyOf(classes);
    }

    /** {@return a redefinition that took} */
    static Redefinition took(List<RedefinedClass> classes) {
        return new Redefinition(classes, null);
    }

    /** {@return a redefinition that failed, for the reason given} */
    static Redefinition failed(String failure) {
        return new Redefinition(List.of(), failure);
    }

    /** {@return true when the JVM runs the new version of every class of the batch} */
    boolean took() {
        return failure == null;
    }
}
