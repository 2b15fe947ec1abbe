package dev.reload.agent.index;

/**
 * A change the agent makes to a class from a watched directory as it first loads, the one moment the JVM lets
 * anything be added to a class. The capture counts the changed bytes as the class's own, not as another agent's.
 * Called inside a class file transformer: must never throw and never load classes of the program.
 */
@FunctionalInterface
public interface LoadTimeChange {
    /** Leaves every class as its file has it. */
    LoadTimeChange NONE = (module, loader, internalName, classFile) -> classFile;

    /**
     * {@return the class file to define, or {@code classFile} itself to leave it as it is}
     *
     * @param module the module the class is defined in, never null
     * @param loader the defining class loader, never null
     * @param internalName the class's internal name, never null
     * @param classFile the class file as it comes from its file, never null; not to be modified
     */
    byte[] apply(Module module, ClassLoader loader, String internalName, byte[] classFile);
}
