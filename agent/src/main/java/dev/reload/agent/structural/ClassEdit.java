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

    /** {@return the class's internal name, such as {@code demo/Player}} */
    public String internalName() {
        return loaded.getName().replace('.', '/');
    }
}
