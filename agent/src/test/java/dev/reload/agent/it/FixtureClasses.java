package dev.reload.agent.it;

import dev.reload.fixtures.harness.FixtureCompiler;
import dev.reload.fixtures.harness.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
     * Writes every class file of a compiled version into {@code classes} as build tools that replace files atomically
     * do: each under a temporary name first ({@code C.class.tmp}), then all renamed over the old ones in one quick
     * burst. The agent holds such a burst together however loaded the machine is, so a version of many files is one
     * batch, as the tests that read its report line need; {@link #install} keeps the compiler's way of writing.
     */
    static void installAtomically(Path compiled, Path classes) {
        List<Path> files = files(compiled);
        List<Path> temporary = new ArrayList<>();
        try {
            for (Path file : files) {
                Path target = classes.resolve(compiled.relativize(file).toString());
                Files.createDirectories(target.getParent());
                if (target.toString().endsWith(".class")) {
                    temporary.add(Files.copy(file, target.resolveSibling(target.getFileName() + ".tmp"),
                            StandardCopyOption.REPLACE_EXISTING));
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (Path file : temporary) {
                String name = file.getFileName().toString();
                Files.move(file, file.resolveSibling(name.substring(0, name.length() - ".tmp".length())),
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes the class files of {@code classes} that {@code compiled} has no longer, then writes the others, as an
     * IDE's build does when nested classes leave the source.
     */
    static void replace(Path compiled, Path classes) {
        deleteLeftOut(compiled, classes);
        install(compiled, classes);
    }

    /** As {@link #replace}, the class files written as {@link #installAtomically} does. */
    static void replaceAtomically(Path compiled, Path classes) {
        deleteLeftOut(compiled, classes);
        installAtomically(compiled, classes);
    }

    private static void deleteLeftOut(Path compiled, Path classes) {
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
