package dev.reload.agent.it;

import dev.reload.agent.bench.reference.ReferenceAgent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The floor of a run of saves, inside a child JVM started with {@link ReferenceAgent} and no directory: redefines
 * the loaded classes with the class files of a compiled version as the compiler wrote them, in one bare
 * {@link Instrumentation#redefineClasses} call per version, the classes whose bytes did not change left out (as the
 * agent leaves them out). No rewrite, no companion, no check.
 */
final class BareRedefinition {
    /** The bytes each class was last defined or redefined with, by binary name. */
    private static final Map<String, byte[]> LAST = new HashMap<>();

    private BareRedefinition() {
    }

    /**
     * Redefines the loaded classes that have a changed class file below {@code compiled} and {@return how many}.
     *
     * @param compiled a directory of class files laid out by package, never null
     */
    static int redefine(Path compiled) throws ClassNotFoundException, UnmodifiableClassException {
        Instrumentation instrumentation = ReferenceAgent.instrumentation();
        if (instrumentation == null) {
            throw new IllegalStateException("start with -javaagent: the reference agent jar");
        }
        List<ClassDefinition> definitions = new ArrayList<>();
        Map<String, byte[]> redefined = new HashMap<>();
        for (Path file : classFiles(compiled)) {
            String relative = compiled.relativize(file).toString();
            String binaryName = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
            byte[] bytes = read(file);
            if (!Arrays.equals(bytes, LAST.computeIfAbsent(binaryName, BareRedefinition::loadedBytes))) {
                definitions.add(new ClassDefinition(Class.forName(binaryName), bytes));
                redefined.put(binaryName, bytes);
            }
        }
        instrumentation.redefineClasses(definitions.toArray(ClassDefinition[]::new));
        LAST.putAll(redefined);
        return definitions.size();
    }

    /** {@return the class file the class loaded from, as the class path holds it} */
    private static byte[] loadedBytes(String binaryName) {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(binaryName.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IllegalStateException(binaryName + " has no class file on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> classFiles(Path compiled) {
        try (Stream<Path> walk = Files.walk(compiled)) {
            return walk.filter(file -> file.toString().endsWith(".class")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
