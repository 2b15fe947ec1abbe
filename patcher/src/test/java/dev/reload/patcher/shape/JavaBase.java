package dev.reload.patcher.shape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads every class file of the running JDK's {@code java.base} module through {@code jrt:/}. */
public final class JavaBase {
    private JavaBase() {
    }

    /** {@return the bytes of every class file in java.base (module-info included), in path order} */
    public static List<byte[]> classFiles() {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        Path module = jrt.getPath("/modules/java.base");
        try (Stream<Path> walk = Files.walk(module)) {
            List<byte[]> files = new ArrayList<>();
            for (Path file : walk.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                files.add(Files.readAllBytes(file));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read java.base through jrt:/", e);
        }
    }
}
