package dev.reload.agent.structural;

import java.lang.invoke.MethodHandles;

/**
 * Defines a new, ordinary (not hidden) class in the class loader and package of a loaded class, through that
 * class's full-privilege lookup: how an anonymous class that was renumbered into a name a running class holds
 * gets a spare name of the nest. The new class names its nest host itself ({@code NestHost}); the host lists the
 * spare name among its {@code NestMembers} since it loaded, so the two are true nestmates.
 */
public final class NestmateDefiner {
    private NestmateDefiner() {
    }

    /**
     * {@return the class defined; it is loaded, not initialized}
     *
     * @param host a class prepared at load (it has the accessor), whose loader and package the new class joins,
     *             never null
     * @param classFile the new class, in the host's package, never null
     * @throws StructuralLinkException when the host has no accessor or the JVM refuses the class (a class of
     *     that name exists already, a bad class file)
     */
    public static Class<?> define(Class<?> host, byte[] classFile) throws StructuralLinkException {
        MethodHandles.Lookup lookup = FullLookup.of(host);
        try {
            return lookup.defineClass(classFile);
        } catch (IllegalAccessException | LinkageError | SecurityException e) {
            throw new StructuralLinkException(host.getName(), "the JVM refused a new anonymous class of its nest", e);
        }
    }
}
