package dev.reload.runtime;

/**
 * The value of one added static field. Volatile, so a value written by one thread is seen by the others without
 * the memory model questions a plain field would raise. Thread-safe.
 */
final class StaticCell {
    private volatile Object value;
    private boolean initializerClaimed;

    /** @param initialValue the boxed value the field starts with: its constant, or its type's default */
    StaticCell(Object initialValue) {
        this.value = initialValue;
    }

    Object get() {
        return value;
    }

    void set(Object newValue) {
        value = newValue;
    }

    /** {@return true the first time only: the field's initializer runs once, for the reload that adds it} */
    synchronized boolean claimInitializer() {
        boolean first = !initializerClaimed;
        initializerClaimed = true;
        return first;
    }
}
