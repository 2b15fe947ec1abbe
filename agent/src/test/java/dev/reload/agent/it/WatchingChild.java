package dev.reload.agent.it;

import dev.reload.fixtures.harness.ChildJvm;

import java.nio.file.Path;

/** Starts fixture programs with the agent and waits until it watches their classes, so no write goes unseen. */
final class WatchingChild {
    /** The agent's debug line once a directory is registered. */
    static final String WATCHING = "^\\[reload\\] watching ";

    private WatchingChild() {
    }

    /**
     * {@return a child running {@code mainClass} from {@code classPath} with the agent at {@code log=debug} plus
     * {@code options}, once the agent reports a watched directory; the child is closed if that never happens}
     */
    static ChildJvm start(Path jdk, String options, String mainClass, Path... classPath) {
        return start(jdk, options, WATCHING, mainClass, new String[0], classPath);
    }

    /** As {@link #start(Path, String, String, Path...)}, with arguments and the debug line that means "ready". */
    static ChildJvm start(Path jdk, String options, String readyLine, String mainClass, String[] arguments,
                          Path... classPath) {
        ChildJvm child = ChildJvm.on(jdk).reloadAgent(options.isEmpty() ? "log=debug" : "log=debug," + options)
                .classPath(classPath).main(mainClass, arguments).start();
        try {
            child.awaitStderr(readyLine);
            return child;
        } catch (RuntimeException | Error e) {
            child.close();
            throw e;
        }
    }
}
