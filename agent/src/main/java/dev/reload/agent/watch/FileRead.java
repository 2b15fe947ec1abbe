package dev.reload.agent.watch;

import dev.reload.agent.parallel.Attempt;
import dev.reload.patcher.shape.ClassShape;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A file as it was read: its bytes or why they cannot be read, their hash, and, for a whole class file read ahead of
 * its batch ({@link AheadReader}), what it names and its shape. The collector keeps each in its {@link ReadAhead}, and
 * the batch takes the bytes, the hash and the shape from there instead of reading and hashing the file again.
 *
 * @param file the file, never null
 * @param content its bytes, or the {@link IOException} that says why they cannot be read; never null
 * @param hash the {@link ContentHash} of the bytes; 0 when there are none
 * @param whole the bytes as a whole class file, or null when they are not one or were not looked at
 * @param shape the shape of the bytes, or null when they were not read into one
 */
record FileRead(Path file, Attempt<byte[], IOException> content, long hash, BurstReferences.WholeFile whole,
                ClassShape shape) {
    /** {@return the file's bytes and their hash, or the {@link IOException} that says why they cannot be read} */
    static FileRead of(Path file) {
        return of(file, null);
    }

    /**
     * {@return the file read, or {@code expected} as the file's read when the file holds the very bytes it read: their
     * hash and whatever was made of them are the file's too}
     *
     * @param expected a read of another file the file should now hold (a temporary file renamed over it), or null
     */
    static FileRead of(Path file, FileRead expected) {
        try {
            byte[] bytes = FileBytes.read(file);
            if (expected != null && Arrays.equals(bytes, expected.bytes())) {
                return new FileRead(file, expected.content, expected.hash, expected.whole, expected.shape);
            }
            return new FileRead(file, new Attempt.Done<>(bytes), ContentHash.of(bytes), null, null);
        } catch (IOException e) {
            return new FileRead(file, new Attempt.Failed<>(e), 0, null, null);
        }
    }

    /** {@return this read, with the bytes as a whole class file and their shape, which may be null} */
    FileRead asWhole(BurstReferences.WholeFile wholeFile, ClassShape classShape) {
        return new FileRead(file, content, hash, wholeFile, classShape);
    }

    /** {@return the bytes read, or null when the file could not be read} */
    byte[] bytes() {
        return content instanceof Attempt.Done<byte[], IOException> done ? done.value() : null;
    }
}
