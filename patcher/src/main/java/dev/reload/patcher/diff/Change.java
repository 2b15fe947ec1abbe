package dev.reload.patcher.diff;

import dev.reload.patcher.diff.Verdict.Kind;
import dev.reload.patcher.rewrite.Refusal;

/**
 * One difference between the running version of a class and a new one, in the terms a developer edits:
 * a method body, a lambda, a field, a supertype. Internal names are {@code a/b/C}; descriptors are JVM
 * descriptors; no component is null unless its javadoc says so.
 */
public sealed interface Change permits MethodChange, LambdaChange, FieldChange, TypeChange {
    /** {@return the change in plain words, such as {@code method body changed: update()}} */
    String describe();

    /** {@return the least the running JVM needs to take this change: REDEFINABLE, NEEDS_REWRITE or REJECTED} */
    Kind needs();

    /** {@return why the running JVM cannot take this change as is; empty when it can} */
    default String consequence() {
        return "";
    }

    /** {@return what to do when the running JVM cannot take this change, or null when there is nothing to say} */
    default String whatToDo() {
        return Refusal.RESTART;
    }

    /** {@return the simple name of the method whose source this change edits, or null when none} */
    default String editedMethod() {
        return null;
    }
}
