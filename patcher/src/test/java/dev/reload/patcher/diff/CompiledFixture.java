package dev.reload.patcher.diff;

import dev.reload.fixtures.harness.CompilerKind;
import dev.reload.fixtures.harness.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** One fixture version compiled by one compiler: its class files by internal name. */
record CompiledFixture(Map<String, byte[]> classFiles) {
    /**
     * Compiles {@code test-fixtures/src/fixtures/CASE/VERSION} with a compiler into {@code workDir}.
     */
    static CompiledFixture compile(String fixtureCase, String version, CompilerKind compiler, Path workDir) {
        Path out = workDir.resolve(compiler.label()).resolve(fixtureCase).resolve(version);
        compiler.compile(Fixtures.sources(fixtureCase, version), out);
        return new CompiledFixture(read(out));
    }

    private static Map<String, byte[]> read(Path root) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                String relative = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                files.put(relative.substring(0, relative.length() - ".class".length()), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
