package dev.reload.agent.watch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FileBytesTest {
    @TempDir
    Path root;

    @Test
    void readsWhatFilesReadAllBytesReads() throws IOException {
        byte[] large = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(large);
        for (byte[] content : new byte[][] {new byte[0], {(byte) 0xCA, (byte) 0xFE}, large}) {
            Path file = Files.write(root.resolve("C" + content.length + ".class"), content);
            assertArrayEquals(Files.readAllBytes(file), FileBytes.read(file));
        }
    }

    @Test
    void aMissingFileIsNoSuchFileAsForFilesReadAllBytes() {
        Path missing = root.resolve("Gone.class");
        assertThrows(NoSuchFileException.class, () -> Files.readAllBytes(missing));
        assertThrows(NoSuchFileException.class, () -> FileBytes.read(missing));
    }

    @Test
    void aDirectoryIsNoFileToRead() throws IOException {
        Path directory = Files.createDirectory(root.resolve("demo"));
        assertThrows(IOException.class, () -> FileBytes.read(directory));
    }
}
