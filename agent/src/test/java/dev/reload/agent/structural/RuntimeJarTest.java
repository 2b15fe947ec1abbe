package dev.reload.agent.structural;

import dev.reload.runtime.Linkage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
}
