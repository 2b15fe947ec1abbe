package demo;

import dev.reload.fixtures.harness.ChildJvm;
import dev.reload.fixtures.harness.Jdks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Where the build keeps the demo, how a test copies it, and how it watches a headless run's status lines. */
final class DemoRun {
    /** Generous: two cores are shared by the whole build, and a child JVM with an agent starts slowly there. */
    static final Duration WAIT = Duration.ofSeconds(60);

    private DemoRun() {
    }

    /** Fails early, and clearly, when a JDK the tests should run on is not installed. */
    static void assertJdksPresent() {
        assertEquals(List.of(), Jdks.missing(), "JDKs listed in reload.test.jdks are missing");
    }

    /** {@return the demo's source root, set by the build as {@code reload.demo.sources}} */
    static Path sources() {
        return configuredDirectory("reload.demo.sources");
    }

    /** {@return the demo's compiled classes, set by the build as {@code reload.demo.classes}} */
    static Path classes() {
        return configuredDirectory("reload.demo.classes");
    }

    /**
     * {@return the first status line after output line {@code mark} that is {@code wanted}, waiting up to {@link #WAIT}}
     *
     * @param what describes the wanted line for the failure message
     */
    static StatusLine awaitStatus(ChildJvm game, int mark, Predicate<StatusLine> wanted, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int next = mark;
        while (true) {
            List<String> out = game.stdout();
            for (; next < out.size(); next++) {
                StatusLine status = StatusLine.parse(out.get(next));
                if (status != null && wanted.test(status)) {
                    return status;
                }
            }
            if (!game.isAlive() && next >= game.stdout().size()) {
                fail("the game ended before a status line " + what + "\n" + game.transcript());
            }
            if (System.nanoTime() > deadline) {
                fail("no status line " + what + " within " + WAIT + "\n" + game.transcript());
            }
            pause();
        }
    }

    /** Checks that the game never restarted: one line per 60 frames, frames and score never going back. */
    static void assertCountedOnWithoutRestart(ChildJvm game) {
        List<StatusLine> statuses = StatusLine.all(game.stdout());
        assertTrue(statuses.size() >= 2, () -> "too few status lines\n" + game.transcript());
        for (int i = 1; i < statuses.size(); i++) {
            StatusLine previous = statuses.get(i - 1);
            StatusLine current = statuses.get(i);
            assertEquals(previous.frame() + Game.UPDATES_PER_SECOND, current.frame(),
                    () -> "frames did not count on from " + previous + " to " + current + "\n" + game.transcript());
            assertTrue(current.score() >= previous.score(),
                    () -> "score went back from " + previous + " to " + current + "\n" + game.transcript());
        }
    }

    private static Path configuredDirectory(String property) {
        String configured = System.getProperty(property);
        if (configured == null || !Files.isDirectory(Path.of(configured))) {
            throw new IllegalStateException(property + " is " + configured
                    + "; run the demo's tests through Maven, which sets it to a directory");
        }
        return Path.of(configured);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the game", e);
        }
    }

    /** Copies a directory tree, as a build copies its output. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> copy(source, to.resolve(from.relativize(source).toString())));
        }
    }

    private static void copy(Path source, Path target) {
        try {
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + target, e);
        }
    }
}
