package dev.reload.agent.watch;

import java.nio.file.Path;

/**
 * Finds the classes a class file of a build names, as the program would link them: the class that runs now, else the
 * class file its class loader would load (a class not loaded yet, a library's, the JDK's). The collector asks it which
 * of a file's references the running program already satisfies ({@link BurstReferences}).
 */
@FunctionalInterface
public interface ClassLookup {
    /**
     * Finds nothing: every reference to another class waits the quiet period, as before the program runs. Not a
     * lambda: the collector is made in {@code premain}, where the first lambda spins classes before the program starts.
     */
    ClassLookup NONE = new ClassLookup() {
        @Override
        public Declarations find(Path file, String referencing, String internalName) {
            return null;
        }
    };

    /**
     * {@return the declarations of the class {@code internalName} as the class of {@code file} would link it; null
     * when there is none, or it cannot be told (never throws)}
     *
     * @param file the class file that names it, never null
     * @param referencing the internal name of the class in that file, never null
     * @param internalName the internal name of the class named, never null
     */
    Declarations find(Path file, String referencing, String internalName);
}
