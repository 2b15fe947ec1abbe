package dev.reload.agent.watch;

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
 * ({@link BurstReferences}): those need not wait for the quiet period. A class file written under a temporary name
 * ({@link ClassFiles#isTemporaryClassFile}) is read as it is written too, as the class file it will be renamed to:
 * a tool that replaces class files atomically writes them all before its first rename, so most of the reading is done
 * by its last. Once renamed, the class file is read again only to see that it holds those very bytes
 * ({@link AheadReader}). Not thread-safe: the collector guards it with its lock, and reads the file itself outside the
 * lock.
 */
final class ReadAhead {
    /** Per file read since its last write: its bytes or why they cannot be read, their hash, what it names, its shape. */
    private final Map<Path, FileRead> reads = new HashMap<>();
    /** Files written since they were last read, in the order seen; may hold a file twice or one already read. */
    private final Deque<Path> unread = new ArrayDeque<>();
    /** The files handed out to read and not read yet. */
    private final Set<Path> reading = new HashSet<>();
    /** Class files renamed over from a temporary file read whole, to that read: what they should hold. */
    private final Map<Path, FileRead> renamedFrom = new HashMap<>();
    /** Temporary files renamed (or deleted) since their last write: none is left to read. */
    private final Set<Path> renamedAway = new HashSet<>();
    /** Temporary files renamed while being read, to the class file each was renamed to. */
    private final Map<Path, Path> renamedWhileRead = new HashMap<>();
    /** Counts the changes of what is known, so a conclusion drawn from it can tell when it is out of date. */
    private long changes;
    /** Counts the losses of files read whole (written again, or all taken): a look that found them whole is stale. */
    private long wholeLost;

    /** Notes a write: what was read of the file before it is out of date. */
    void touched(Path file) {
        changes++;
        FileRead before = reads.remove(file);
        if (before != null && before.whole() != null) {
            wholeLost++;
        }
        unread.add(file);
        reading.remove(file);
        renamedAway.remove(file);
        renamedWhileRead.remove(file);
    }

    /**
     * {@return the next files to read, at most {@code most}, in the order written, now marked as being read; empty when
     * every file written is read or being read}
     */
    List<Unread> next(int most) {
        List<Unread> next = new ArrayList<>();
        for (Path file = unread.poll(); file != null; file = next.size() < most ? unread.poll() : null) {
            if (!reads.containsKey(file) && !renamedAway.contains(file) && reading.add(file)) {
                next.add(new Unread(file, renamedFrom.remove(file)));
            }
        }
        return next;
    }

    /**
     * Notes that a class file written under a temporary name was renamed over its class file (or deleted: the two look
     * alike): what was read of it whole is what the class file should now hold, unless it was written again since.
     *
     * @param temporary the temporary file, never null
     * @param classFile the class file it was renamed to, never null
     */
    void renamed(Path temporary, Path classFile) {
        changes++;
        renamedAway.add(temporary);
        if (reading.contains(temporary)) {
            // Read whole, it is what the class file should hold: the read that ends after the rename says so too.
            renamedWhileRead.put(temporary, classFile);
        }
        FileRead read = reads.remove(temporary);
        if (read != null && read.whole() != null) {
            renamedFrom.put(classFile, read);
        }
    }

    /** Keeps what was read of a file {@link #next} gave, unless it was written again meanwhile. */
    void read(FileRead read) {
        if (!reading.remove(read.file())) {
            return;
        }
        changes++;
        Path renamedTo = renamedWhileRead.remove(read.file());
        if (renamedTo == null) {
            reads.put(read.file(), read);
        } else if (read.whole() != null) {
            renamedFrom.put(renamedTo, read);
        }
    }

    /** {@return the bytes of a file read whole since its last write, or null} */
    byte[] wholeBytes(Path file) {
        FileRead read = reads.get(file);
        return read != null && read.whole() != null ? read.bytes() : null;
    }

    /**
     * {@return how many of the files, from the first, were read whole since their last write}, looking on from
     * {@code from}: the caller found the ones before it whole, and {@link #wholeLost} has not moved since. So a burst
     * looks at each file found whole once, not at all of its files after each write.
     */
    int wholeFrom(List<Path> files, int from) {
        int whole = from;
        while (whole < files.size()) {
            FileRead read = reads.get(files.get(whole));
            if (read == null || read.whole() == null) {
                break;
            }
            whole++;
        }
        return whole;
    }

    /** {@return a count that moves whenever a file read whole is written again, and when what was read is taken} */
    long wholeLost() {
        return wholeLost;
    }

    /** {@return the files read whole since their last write, of those given, in their order} */
    Map<Path, BurstReferences.WholeFile> wholeFiles(Collection<Path> files) {
        Map<Path, BurstReferences.WholeFile> found = new LinkedHashMap<>();
        for (Path file : files) {
            FileRead read = reads.get(file);
            if (read != null && read.whole() != null) {
                found.put(file, read.whole());
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
        FileRead read = reads.get(file);
        return read != null && read.shape() != null;
    }

    /** {@return what was read, by file} */
    Map<Path, FileRead> reads() {
        return new HashMap<>(reads);
    }

    /** {@return what was read, by file, and starts over empty} */
    Map<Path, FileRead> take() {
        Map<Path, FileRead> taken = reads();
        changes++;
        wholeLost++;
        reads.clear();
        unread.clear();
        reading.clear();
        renamedFrom.clear();
        renamedAway.clear();
        renamedWhileRead.clear();
        return taken;
    }

    /**
     * A file to read.
     *
     * @param file the file, never null
     * @param renamedFrom what was read whole of the temporary file last renamed over it, or null: if the file holds the
     *     same bytes, that read is the file's
     */
    record Unread(Path file, FileRead renamedFrom) {
    }
}
