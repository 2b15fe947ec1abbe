package dev.reload.agent.it;

import dev.reload.fixtures.harness.FixtureCompiler;
import dev.reload.fixtures.harness.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Compiled fixture versions, and the ways a compiler or a person writes them into a running program's directory. */
final class FixtureClasses {
    private FixtureClasses() {
    }

    /** {@return a directory below {@code parent} holding the compiled classes of one fixture version} */
    static Path compile(Path parent, String fixtureCase, String version, Path... classPath) {
        Path out = parent.resolve(fixtureCase + "-" + version);
        FixtureCompiler.compile(Fixtures.sources(fixtureCase, version), out, List.of(classPath));
        return out;
    }

    /** Writes every class file of a compiled version into {@code classes}, as a compiler does, replacing what is there. */
    static void install(Path compiled, Path classes) {
        for (Path file : files(compiled)) {
            Path target = classes.resolve(compiled.relativize(file).toString());
            try {
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Deletes the class files of {@code classes} that {@code compiled} has no longer, then writes the others, as an
     * IDE's build does when nested classes leave the source.
     */
    static void replace(Path compiled, Path classes) {
        List<String> kept = files(compiled).stream().map(file -> compiled.relativize(file).toString()).toList();
        for (Path file : files(classes)) {
            if (file.toString().endsWith(".class") && !kept.contains(classes.relativize(file).toString())) {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        install(compiled, classes);
    }

    /** Writes only the first half of one class file, as a compiler interrupted mid-write would leave it. */
    static void installTruncated(Path compiled, String relativePath, Path classes) {
        try {
            byte[] bytes = Files.readAllBytes(compiled.resolve(relativePath));
            Files.write(classes.resolve(relativePath), Arrays.copyOf(bytes, bytes.length / 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a directory tree, as {@code mvn clean} does. */
    static void delete(Path directory) {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path path : paths) {
            try {
                Files.delete(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static List<Path> files(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
