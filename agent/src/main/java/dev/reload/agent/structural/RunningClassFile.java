package dev.reload.agent.structural;

/**
 * Gives the class file the JVM runs for a loaded class outside the batch: a superclass whose method must start to
 * dispatch because a class of the batch adds an override of it.
 */
@FunctionalInterface
public interface RunningClassFile {
    /** Gives none: an edit that needs one is refused. */
    RunningClassFile NONE = type -> {
        throw new StructuralLinkException(type.getName(), "the class file it runs is not at hand", null);
    };

    /**
     * {@return the class file the JVM runs for the class, never null}
     *
     * @param type a loaded class, never null
     * @throws StructuralLinkException when the JVM cannot give it
     */
    byte[] of(Class<?> type) throws StructuralLinkException;
}
