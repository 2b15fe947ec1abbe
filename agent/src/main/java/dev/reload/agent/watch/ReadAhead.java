package dev.reload.agent.watch;

import dev.reload.agent.parallel.Attempt;
import dev.reload.patcher.shape.ClassShape;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files of a batch, read while its writes go on, so that once the writes are quiet the batch does not wait for
 * its reads: a build that writes a thousand class files gives the agent time to read the first ones while it writes
 * the last. A file written again after it was read is read again. Also knows which files were read whole (see
 * {@link dev.reload.patcher.rewrite.ClassFileReferences#ofWhole}), with what each names
 * ({@link BurstReferences}): those need not wait for the quiet period. Not thread-safe: the collector guards it with
 * its lock, and reads the file itself outside the lock.
 */
final class ReadAhead {
    /** Per file read: its bytes, or the {@link IOException} that says why they cannot be read. */
    private final Map<Path, Attempt<byte[], IOException>> contents = new HashMap<>();
    /** Files written since they were last read, in the order seen; may hold a file twice or one already read. */
    private final Deque<Path> unread = new ArrayDeque<>();
    /** The files of {@link #contents} whose bytes are a whole class file. */
    private final Map<Path, BurstReferences.WholeFile> whole = new HashMap<>();
    /** The shapes of the files of {@link #whole} that were read into one. */
    private final Map<Path, ClassShape> shapes = new HashMap<>();
    /** The files handed out to read and not read yet. */
    private final Set<Path> reading = new HashSet<>();
    /** Counts the changes of what is known, so a conclusion drawn from it can tell when it is out of date. */
    private long changes;

    /** Notes a write: what was read of the file before it is out of date. */
    void touched(Path file) {
        changes++;
        contents.remove(file);
        whole.remove(file);
        shapes.remove(file);
        unread.add(file);
        reading.remove(file);
    }

    /**
     * {@return the next files to read, at most {@code most}, in the order written, now marked as being read; empty when
     * every file written is read or being read}
     */
    List<Path> next(int most) {
        List<Path> next = new ArrayList<>();
        for (Path file = unread.poll(); file != null; file = next.size() < most ? unread.poll() : null) {
            if (!contents.containsKey(file) && reading.add(file)) {
                next.add(file);
            }
        }
        return next;
    }

    /**
     * Keeps what was read of a file {@link #next} gave, unless it was written again meanwhile.
     *
     * @param content the file's bytes, or the {@link IOException} that says why they cannot be read
     * @param wholeFile the bytes as a whole class file, or null when they are not one
     * @param shape the shape of the bytes, or null when it was not read
     */
    void read(Path file, Attempt<byte[], IOException> content, BurstReferences.WholeFile wholeFile, ClassShape shape) {
        if (reading.remove(file)) {
            changes++;
            contents.put(file, content);
            if (wholeFile != null) {
                whole.put(file, wholeFile);
            }
            if (shape != null) {
                shapes.put(file, shape);
            }
        }
    }


    /** {@return the bytes of a file read whole since its last write, or null} */
    byte[] wholeBytes(Path file) {
        Attempt<byte[], IOException> content = whole.containsKey(file) ? contents.get(file) : null;
        return content instanceof Attempt.Done<byte[], IOException> done ? done.value() : null;
    }

    /** {@return true when every one of the files was read whole since its last write} */
    boolean allWhole(Collection<Path> files) {
        return whole.size() >= files.size() && whole.keySet().containsAll(files);
    }

    /** {@return the files read whole since their last write, of those given, in their order} */
    Map<Path, BurstReferences.WholeFile> wholeFiles(Collection<Path> files) {
        Map<Path, BurstReferences.WholeFile> found = new LinkedHashMap<>();
        for (Path file : files) {
            BurstReferences.WholeFile wholeFile = whole.get(file);
            if (wholeFile != null) {
                found.put(file, wholeFile);
            }
        }
        return found;
    }

    /** {@return a count that changes whenever a file is written or read} */
    long changes() {
        return changes;
    }

    /** {@return true when the file was read whole into its shape since its last write} */
    boolean shaped(Path file) {
        return shapes.containsKey(file);
    }

    /** {@return what was read, by file} */
    Map<Path, Read> reads() {
        Map<Path, Read> reads = new HashMap<>();
        // Loops and plain calls here and below, not lambdas: every save runs them, and each lambda would spin a
        // class that every later redefinition walks.
        for (Map.Entry<Path, Attempt<byte[], IOException>> content : contents.entrySet()) {
            reads.put(content.getKey(), new Read(content.getValue(), shapes.get(content.getKey())));
        }
        return reads;
    }

    /** {@return what was read, by file, and starts over empty} */
    Map<Path, Read> take() {
        Map<Path, Read> taken = reads();
        changes++;
        contents.clear();
        whole.clear();
        shapes.clear();
        unread.clear();
        reading.clear();
        return taken;
    }

    /**
     * A file as it was read ahead.
     *
     * @param content its bytes, or the {@link IOException} that says why they cannot be read; never null
     * @param shape the shape of its bytes, or null when they were not read into one
     */
    record Read(Attempt<byte[], IOException> content, ClassShape shape) {
    }

    /** {@return the file's bytes, or the {@link IOException} that says why they cannot be read} */
    static Attempt<byte[], IOException> content(Path file) {
        try {
            return new Attempt.Done<>(Files.readAllBytes(file));
        } catch (IOException e) {
            return new Attempt.Failed<>(e);
        }
    }
}
