package dev.reload.agent.watch;

import dev.reload.agent.parallel.BatchSteps;
import dev.reload.patcher.rewrite.ClassFileReferences;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the files of a burst while its writes go on, on every core: each file's bytes and their hash, and a whole class
 * file further: what it names that the running program lacks ({@link BurstReferences}), its shape, and what
 * {@link ReadWhole} prepares of it, unless it holds what the agent knows (its batch drops it). All of that the batch
 * would do after the burst's last write otherwise. A class file written under a temporary name is read as the class
 * file it will be renamed to, and the class file renamed over from it takes that read if it holds the very same bytes.
 * Thread-safe: the collector's consumer calls it outside its lock, and the batch helpers run its step.
 */
final class AheadReader {
    /**
     * Fewer files than this per thread are not worth handing to a helper. A file costs the reader 100 to 250 µs, so a
     * burst's files left unread at its last rename, a few dozen, are spread over the cores too.
     */
    private static final int FILES_PER_THREAD = 8;

    private final BurstReferences references = new BurstReferences();
    private final KnownContents known;
    /** Told about each class file read whole, unless it holds what the agent knows. */
    private volatile ReadWhole readWhole = ReadWhole.NONE;
    /** A class of its own, not a lambda: every burst runs it, and a lambda spins a class every redefinition walks. */
    private final Function<ReadAhead.Unread, FileRead> step = new Function<>() {
        @Override
        public FileRead apply(ReadAhead.Unread file) {
            return read(file);
        }
    };

    /** @param known the content the agent last saw of each file, never null */
    AheadReader(KnownContents known) {
        this.known = known;
    }

    /** {@return what the files read whole name, found as they are read} */
    BurstReferences references() {
        return references;
    }

    /** Tells {@code prepare} about each class file read whole from now on, unless it holds what the agent knows. */
    void prepareEachFileWith(ReadWhole prepare) {
        this.readWhole = prepare;
    }

    /** {@return each file read, in the order given, on every core when there are enough} */
    List<FileRead> readAll(List<ReadAhead.Unread> files) {
        return BatchSteps.map(files, step, FILES_PER_THREAD);
    }

    /**
     * {@return the file read, and a whole class file further: what it names, its shape, what {@link ReadWhole} makes}
     * A class file renamed over from a temporary file read whole is that read when it holds the same bytes: only
     * reading it again is left. A temporary file is read as the class file it will be renamed to.
     */
    FileRead read(ReadAhead.Unread unread) {
        Path file = unread.file();
        FileRead read = FileRead.of(file, unread.renamedFrom());
        if (read.whole() != null) {
            return read; // the very bytes its temporary file held, read whole before the rename
        }
        byte[] bytes = read.bytes();
        ClassFileReferences classFile = bytes == null ? null : ClassFileReferences.ofWhole(bytes);
        if (classFile == null) {
            return read;
        }
        Path classFilePath = ClassFiles.isTemporaryClassFile(file) ? ClassFiles.renamedTo(file) : file;
        ClassShape shape;
        try {
            shape = ClassShape.read(bytes);
            if (!known.holds(classFilePath, read.hash())) {
                readWhole.read(classFilePath, bytes, shape);
            }
        } catch (UnreadableClassException e) {
            shape = null; // whole, yet not one the patcher reads: the batch reports why
        }
        return read.asWhole(references.read(classFilePath, classFile), shape);
    }
}
