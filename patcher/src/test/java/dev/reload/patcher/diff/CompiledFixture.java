package dev.reload.patcher.diff;

import dev.reload.fixtures.harness.CompilerKind;
import dev.reload.fixtures.harness.FixtureCompiler;
import dev.reload.fixtures.harness.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Fixture versions compiled by one compiler, class files by internal name. Every verdict case's (a case with
 * an {@code expected.txt}) {@code vN} is
 * compiled in one run per compiler and version (each case has packages of its own), since starting a
 * compiler costs more than compiling a fixture.
 */
final class CompiledFixture {
    /** Under the module's target directory, so a build's clean removes it; shared by every test class. */
    private static final Path WORK = Path.of("target", "fixture-classes").toAbsolutePath();
    private static final Map<String, Path> COMPILED = new HashMap<>();

    private CompiledFixture() {
    }

    /** {@return the class files of one case's version, by internal name} */
    static synchronized Map<String, byte[]> classFiles(String fixtureCase, String version, CompilerKind compiler) {
        Path out = COMPILED.computeIfAbsent(compiler.label() + "/" + version,
                key -> compileAll(version, compiler, WORK.resolve(key)));
        Map<String, byte[]> files = new TreeMap<>();
        for (String packageDir : packageDirs(Fixtures.sources(fixtureCase, version))) {
            files.putAll(read(out, packageDir));
        }
        return files;
    }

    private static Path compileAll(String version, CompilerKind compiler, Path dir) {
        Path sources = dir.resolve("src");
        Path out = dir.resolve("classes");
        Map<String, String> owners = new HashMap<>();
        deleteTree(dir);
        try (Stream<Path> cases = Files.list(Fixtures.root())) {
            for (Path caseDir : cases.sorted().toList()) {
                Path versionDir = caseDir.resolve(version);
                // Only the verdict cases: the agent's fixtures may need class paths of their own.
                if (!Files.isDirectory(versionDir) || !Files.exists(caseDir.resolve("expected.txt"))) {
                    continue;
                }
                for (String packageDir : packageDirs(versionDir)) {
                    String other = owners.put(packageDir, caseDir.getFileName().toString());
                    if (other != null) {
                        throw new IllegalStateException("fixture cases " + other + " and " + caseDir.getFileName()
                                + " share the package " + packageDir + "; give each case packages of its own");
                    }
                }
                copyTree(versionDir, sources);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        compiler.compile(sources, out);
        return out;
    }

    /** {@return the package directories (a/b) that hold the sources of a version} */
    private static Set<String> packageDirs(Path versionDir) {
        Set<String> dirs = new TreeSet<>();
        for (Path source : FixtureCompiler.javaFiles(versionDir)) {
            dirs.add(versionDir.relativize(source.getParent()).toString().replace(java.io.File.separatorChar, '/'));
        }
        return dirs;
    }

    /** Removes what an earlier run compiled, so a fixture deleted since cannot linger. */
    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        for (Path source : FixtureCompiler.javaFiles(from)) {
            Path target = to.resolve(from.relativize(source).toString());
            Files.createDirectories(target.getParent());
            Files.copy(source, target);
        }
    }

    private static Map<String, byte[]> read(Path root, String packageDir) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(root.resolve(packageDir))) {
            for (Path file : list.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString();
                files.put(packageDir + "/" + name.substring(0, name.length() - ".class".length()),
                        Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
