package dev.reload.agent.structural;

import java.util.Objects;

/**
 * One loaded class and the new version of it that a reload applies.
 *
 * @param loaded the class as loaded now, never null
 * @param running the class file it runs now (after load-time augmentation and earlier rewrites), never null
 * @param updated the new class file as compiled, never null
 */
public record ClassEdit(Class<?> loaded, byte[] running, byte[] updated) {
    /** Checks that nothing is null; the arrays are used as they are, not copied. */
    public ClassEdit {
        Objects.requireNonNull(loaded, "loaded");
        Objects.requireNonNull(running, "running");
        Objects.requireNonNull(updated, "updated");
    }

    /**
     * {@return true for an edit of the same class with the very same arrays}, as a record's own {@code equals}
     * compares these components. Written out because the record's own links through
     * {@code java.lang.runtime.ObjectMethods} the first time a batch keys a map with an edit, which spins dozens of
     * method-handle classes that every later redefinition walks.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ClassEdit edit && loaded == edit.loaded && running == edit.running
                && updated == edit.updated;
    }

    @Override
    public int hashCode() {
        return (31 * System.identityHashCode(loaded) + System.identityHashCode(running)) * 31
                + System.identityHashCode(updated);
    }

    /** {@return the class's internal name, such as {@code demo/Player}} */
    public String internalName() {
        return loaded.getName().replace('.', '/');
    }
}
