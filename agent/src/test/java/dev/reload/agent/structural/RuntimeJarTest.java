package dev.reload.agent.structural;

import dev.reload.runtime.Linkage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The runtime jar holds every class of the runtime package: one left out fails only when a reloaded class links. */
class RuntimeJarTest {
    @Test
    void listsEveryCompiledClassOfTheRuntimePackage() throws IOException, URISyntaxException {
        Path classes = Path.of(Linkage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path runtime = classes.resolve("dev/reload/runtime");
        Set<String> compiled;
        try (Stream<Path> files = Files.list(runtime)) {
            compiled = files.map(file -> "dev/reload/runtime/" + file.getFileName())
                    .filter(name -> name.endsWith(".class") && !name.endsWith("package-info.class"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(compiled, new TreeSet<>(RuntimeJar.CLASS_FILES));
    }

    @Test
    void takesTheNextNameWhenOneIsTakenAndLeavesTheOtherFileAlone(@TempDir Path directory) throws IOException {
        Path taken = Files.write(directory.resolve("reload-runtime-s-1.jar"), new byte[] {1, 2, 3});

        Path jar = RuntimeJar.create(directory, "s");

        assertEquals(directory.resolve("reload-runtime-s-2.jar"), jar);
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(taken));
        Set<String> entries = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                entries.add(entry.getName());
            }
        }
        assertEquals(new TreeSet<>(RuntimeJar.CLASS_FILES), entries);
    }
}
