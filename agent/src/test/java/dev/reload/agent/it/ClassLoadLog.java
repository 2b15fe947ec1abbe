package dev.reload.agent.it;

import dev.reload.fixtures.harness.ChildJvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixture {@code body} run with the agent and the JVM's class-loading log ({@code -Xlog:class+load}), to tell
 * from outside which classes the agent made the program load.
 */
final class ClassLoadLog {
    /** The agent's line for the one-class reload of {@code fixture.body.Player} from v1 to v2 and back. */
    static final String PLAYER_APPLIED = "^\\[reload\\] 1 class in \\d+ ms: fixture\\.body\\.Player \\(describe\\)$";

    private final Path file;

    /** @param file where the child writes the log, never null */
    ClassLoadLog(Path file) {
        this.file = file;
    }

    /**
     * {@return a child running {@code body-v1} from {@code classes} with the agent at {@code log=debug} and this log,
     * once it has applied one reload (v2 installed from {@code compiled}): by then the reload thread is warm}
     */
    ChildJvm startAndReloadOnce(Path jdk, Path compiled, Path classes) {
        FixtureClasses.install(compiled.resolve("body-v1"), classes);
        ChildJvm child = ChildJvm.on(jdk).reloadAgent("log=debug").jvmOption("-Xlog:class+load=info:file=" + file)
                .classPath(classes).main("fixture.body.Main").start();
        try {
            child.awaitStderr(WatchingChild.WATCHING);
            child.awaitStdout("^v1 ticks=");
            FixtureClasses.install(compiled.resolve("body-v2"), classes);
            child.awaitStderr(PLAYER_APPLIED);
            return child;
        } catch (RuntimeException | Error e) {
            child.close();
            throw e;
        }
    }

    /**
     * {@return whether the log shows a class whose binary name starts with {@code prefix}}; fails when the log does
     * not show the fixture's own {@code Player}, which every run loads
     */
    boolean showsClass(String prefix) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.stream().anyMatch(line -> line.contains(" fixture.body.Player ")), "no class log in " + file);
        return lines.stream().anyMatch(line -> line.contains(" " + prefix));
    }
}
