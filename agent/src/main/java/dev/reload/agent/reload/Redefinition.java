package dev.reload.agent.reload;

import java.util.List;

/**
 * How the redefinition of a planned batch went.
 *
 * @param classes the classes the JVM now runs in their new version; empty when it failed
 * @param failure why the JVM took none of them, or null when it took all
 * @param callNanos how long the JVM's {@code redefineClasses} call took; 0 when it was not made
 */
record Redefinition(List<RedefinedClass> classes, String failure, long callNanos) {
    Redefinition {
        classes = List.copyOf(classes);
    }

    /** {@return a redefinition that took, in a call of the length given} */
    static Redefinition took(List<RedefinedClass> classes, long callNanos) {
        return new Redefinition(classes, null, callNanos);
    }

    /** {@return a redefinition that failed, for the reason given, in a call of the length given (0 if none)} */
    static Redefinition failed(String failure, long callNanos) {
        return new Redefinition(List.of(), failure, callNanos);
    }

    /** {@return true when the JVM runs the new version of every class of the batch} */
    boolean took() {
        return failure == null;
    }
}
