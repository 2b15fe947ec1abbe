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
import java.util.Map;
import java.util.stream.Stream;

/** Reads every class file of the running JDK's {@code java.base} module through {@code jrt:/}. */
public final class JavaBase {
    private JavaBase() {
    }

    /** {@return the bytes of every class file in the running JDK's java.base (module-info included), in path order} */
    public static List<byte[]> classFiles() {
        return classFiles(FileSystems.getFileSystem(URI.create("jrt:/")));
    }

    /**
     * {@return the bytes of every class file in java.base of another JDK, read through its own jrt:/ file system}
     *
     * @param javaHome the JDK's home, never null
     */
    public static List<byte[]> classFiles(Path javaHome) {
        try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", javaHome.toString()))) {
            return classFiles(jrt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the jrt:/ file system of " + javaHome, e);
        }
    }

    private static List<byte[]> classFiles(FileSystem jrt) {
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
