package dev.reload.agent.watch;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a whole file as {@link Files#readAllBytes} does, through a {@link RandomAccessFile} where the file is on the
 * default file system. That runs a fraction of the Java code a channel and a stream over it run for each file, and
 * loads none of their classes, which every later redefinition would walk (a program's first save loaded 91 classes
 * with {@code Files.readAllBytes}, 63 without). A program's first saves read their files before the JIT has compiled
 * the path, where {@code Files.readAllBytes} cost 93 to 183 µs a file against 41 to 54 (JDK 17, the first 100 reads
 * of a fresh JVM, three runs); compiled, the two cost the same.
 */
final class FileBytes {
    /** The longest array a JVM gives, as {@code Files.readAllBytes} has it. */
    private static final int MOST_BYTES = Integer.MAX_VALUE - 8;

    private FileBytes() {
    }

    /**
     * {@return every byte of the file, those it gained while read included}
     *
     * @throws NoSuchFileException when there is no such file
     * @throws IOException when it cannot be read
     */
    static byte[] read(Path file) throws IOException {
        if (file.getFileSystem() != FileSystems.getDefault()) {
            return Files.readAllBytes(file);
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length > MOST_BYTES) {
                throw new IOException(file + " is too large to read into memory (" + length + " bytes)");
            }
            byte[] bytes = new byte[(int) length];
            int read = 0;
            while (read < bytes.length) {
                int count = in.read(bytes, read, bytes.length - read);
                if (count < 0) {
                    return Arrays.copyOf(bytes, read); // shortened while read
                }
                read += count;
            }
            return in.read() < 0 ? bytes : Files.readAllBytes(file); // grown while read: read it again
        } catch (FileNotFoundException e) {
            // The same exception Files.readAllBytes throws, for the callers that tell a deleted file apart.
            if (Files.notExists(file)) {
                NoSuchFileException missing = new NoSuchFileException(file.toString());
                missing.initCause(e);
                throw missing;
            }
            throw e;
        }
    }
}
