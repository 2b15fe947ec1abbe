package dev.reload.agent.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes one version of sources a test generates (rather than keeps as a fixture) into a directory of its own. */
final class GeneratedSources {
    private GeneratedSources() {
    }

    /**
     * {@return {@code work/src/v<n>}, holding the given sources}
     *
     * @param sources each source's text by its path below the directory, like {@code fixture/soak/Main.java}
     */
    static Path write(Path work, int n, Map<String, ? extends CharSequence> sources) {
        Path dir = work.resolve("src").resolve("v" + n);
        try {
            for (Map.Entry<String, ? extends CharSequence> source : sources.entrySet()) {
                Path file = dir.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
