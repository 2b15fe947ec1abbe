package dev.reload.agent.attach;

import java.util.Optional;

/** Says whether this command can attach at all: it needs the JDK module {@code jdk.attach}, which a JRE lacks. */
final class AttachSupport {
    private AttachSupport() {
    }

    /** {@return empty when attaching can work from here, else one line saying what is missing} */
    static Optional<String> problem() {
        if (ModuleLayer.boot().findModule("jdk.attach").isPresent()) {
            return Optional.empty();
        }
        return Optional.of("this Java (" + System.getProperty("java.home") + ") has no attach support (module"
                + " jdk.attach): run this command with the java of a JDK");
    }
}
