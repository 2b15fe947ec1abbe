package dev.reload.agent.compile;

import java.lang.module.ModuleFinder;
import java.util.Optional;

/**
 * Says whether javac can run inside this program. Compile mode needs the module {@code jdk.compiler}: a JDK has
 * it, a JRE or a {@code jlink}ed game runtime usually does not, and a modular program started with {@code -m}
 * has it only when asked for. Looks at module descriptions only, so it loads none of javac.
 */
public final class CompilerAvailability {
    static final String MODULE = "jdk.compiler";

    private CompilerAvailability() {
    }

    /** {@return empty when javac can run here, else one line saying what is missing and what to do} */
    public static Optional<String> problem() {
        boolean loaded = ModuleLayer.boot().findModule(MODULE).isPresent();
        boolean installed = loaded || ModuleFinder.ofSystem().find(MODULE).isPresent();
        return problem(loaded, installed, System.getProperty("java.home"));
    }

    /**
     * {@return the problem for the given facts}
     *
     * @param loaded true when the module is in the program's boot layer
     * @param installed true when the Java runtime contains the module
     * @param javaHome the runtime's home, for the message, never null
     */
    static Optional<String> problem(boolean loaded, boolean installed, String javaHome) {
        if (loaded) {
            return Optional.empty();
        }
        if (installed) {
            return Optional.of("src= needs the Java compiler, and this program did not load it (module " + MODULE
                    + "): add --add-modules " + MODULE + " to the java command; until then sources are not compiled");
        }
        return Optional.of("src= needs the Java compiler (module " + MODULE + "), and the Java runtime at " + javaHome
                + " has none (a JRE?): run the program on a JDK, or leave out src= and let your IDE or build compile;"
                + " until then sources are not compiled");
    }
}
