package dev.reload.agent.watch;

import dev.reload.agent.parallel.Attempt;
import dev.reload.patcher.rewrite.ClassFileReferences;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file read ahead: its bytes or why they cannot be read, and the bytes as a whole class file and its shape, or null.
 * The collector reads files on the batch helpers ({@code BatchSteps}), outside its lock, and keeps each in its
 * {@link ReadAhead}.
 */
record FileRead(Path file, Attempt<byte[], IOException> content, BurstReferences.WholeFile whole, ClassShape shape) {
    /**
     * Reads a file, and a whole class file further: what it names, and its shape, which the batch would read after the
     * last write otherwise, and what {@code readWhole} prepares of it.
     *
     * @param references finds what a whole class file names that the running program lacks, never null
     * @param readWhole told about a class file read whole into its shape, never null
     */
    static FileRead of(Path file, BurstReferences references, ReadWhole readWhole) {
        Attempt<byte[], IOException> content = ReadAhead.content(file);
        ClassFileReferences classFile = content instanceof Attempt.Done<byte[], IOException> done
                ? ClassFileReferences.ofWhole(done.value()) : null;
        if (classFile == null) {
            return new FileRead(file, content, null, null);
        }
        byte[] bytes = ((Attempt.Done<byte[], IOException>) content).value();
        ClassShape shape;
        try {
            shape = ClassShape.read(bytes);
            readWhole.read(file, bytes, shape);
        } catch (UnreadableClassException e) {
            shape = null; // whole, yet not one the patcher reads: the batch reports why
        }
        return new FileRead(file, content, references.read(file, classFile), shape);
    }
}
