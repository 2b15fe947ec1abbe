package dev.reload.agent.structural;

/**
 * Gives the class file the JVM runs for a loaded class outside the batch, and redefines such a class: a superclass
 * whose method must start to dispatch because a class of the batch adds an override of it, and the subclasses whose
 * super calls of that method must then link through the runtime. A redefinition made here is the agent's own: the
 * capture records the bytes the class runs since as such, not as another agent's change.
 */
public interface RunningClassFile {
    /** Gives none and redefines none: an edit that needs either is refused. */
    RunningClassFile NONE = new RunningClassFile() {
        @Override
        public byte[] of(Class<?> type) throws StructuralLinkException {
            throw new StructuralLinkException(type.getName(), "the class file it runs is not at hand", null);
        }

        @Override
        public void redefine(Class<?> type, byte[] classFile) throws StructuralLinkException {
            throw new StructuralLinkException(type.getName(), "it cannot be redefined outside its batch here", null);
        }
    };

    /**
     * {@return the class file the JVM runs for the class, never null}
     *
     * @param type a loaded class, never null
     * @throws StructuralLinkException when the JVM cannot give it
     */
    byte[] of(Class<?> type) throws StructuralLinkException;

    /**
     * Redefines a class outside the batch, before it, with a class file that changes nothing the program does.
     *
     * @param type a loaded class, never null
     * @param classFile the class file it is to run, never null
     * @throws StructuralLinkException when the JVM refused it; the class runs what it ran
     */
    void redefine(Class<?> type, byte[] classFile) throws StructuralLinkException;
}
