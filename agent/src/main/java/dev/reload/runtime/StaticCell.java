package dev.reload.runtime;

/**
 * One added static field: its value, which keeps its type's variable ({@link FieldValue}), and whether its
 * initializer ran. Thread-safe.
 */
final class StaticCell {
    final FieldValue value = new FieldValue();
    private boolean initializerClaimed;

    /** {@return true the first time only: the field's initializer runs once, for the reload that adds it} */
    synchronized boolean claimInitializer() {
        boolean first = !initializerClaimed;
        initializerClaimed = true;
        return first;
    }
}
