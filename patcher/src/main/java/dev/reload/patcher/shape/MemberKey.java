package dev.reload.patcher.shape;

import java.util.Objects;

/**
 * A member of a class as the JVM names it: its name and its descriptor (JVMS 4.3.2, 4.3.3). A method's descriptor
 * starts with {@code (}, a field's never does, so a field and a method of the same name never share a key.
 *
 * @param name the member's name, such as {@code update} or {@code health}, never null
 * @param descriptor its descriptor, such as {@code (F)V} or {@code I}, never null
 */
public record MemberKey(String name, String descriptor) {
    /** Checks that neither part is null or empty. */
    public MemberKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(descriptor, "descriptor");
        if (name.isEmpty() || descriptor.isEmpty()) {
            throw new IllegalArgumentException("a member key needs a name and a descriptor: '" + name + "' '"
                    + descriptor + "'");
        }
    }

    /** {@return true for a method, false for a field} */
    public boolean isMethod() {
        return descriptor.charAt(0) == '(';
    }

    /**
     * {@return the text the runtime classes (on the boot class path, where no patcher type is) link this member by:
     * the name and the descriptor for a method, the name, a colon and the descriptor for a field}
     */
    public String runtimeKey() {
        return isMethod() ? name + descriptor : name + ':' + descriptor;
    }

    // equals and hashCode written out: a record's own are linked through java.lang.runtime.ObjectMethods on first
    // use, which spins dozens of method-handle classes and compiles their code in the program, where every
    // redefinition walks them for the rest of the run.

    @Override
    public boolean equals(Object other) {
        return other instanceof MemberKey key && name.equals(key.name) && descriptor.equals(key.descriptor);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + descriptor.hashCode();
    }

    @Override
    public String toString() {
        return runtimeKey();
    }
}
