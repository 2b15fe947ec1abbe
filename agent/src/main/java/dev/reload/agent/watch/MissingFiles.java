package dev.reload.agent.watch;

import dev.reload.patcher.rewrite.ClassFileReferences;
import dev.reload.patcher.shape.MemberKey;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * What a batch waits for that no write has brought yet: the class files of known classes that were deleted and not
 * written again (a full rebuild deletes every class file of a module for about a second before it writes them again),
 * and the watched trees whose events were lost and that are being read again. Each wait ends {@code settleNanos}
 * after it began at the latest. Not thread-safe: the collector guards it with its lock.
 */
final class MissingFiles {
    private final long settleNanos;
    /** The watched trees whose events were lost and that are being read again, {@link #reread} not called yet. */
    private final Set<Path> rereading = new HashSet<>();
    /** When the first of {@link #rereading} lost its events. */
    private long rereadingSinceNanos;
    /** Known class files deleted and not written again yet. */
    private final Set<Path> vanished = new HashSet<>();
    /** Class files taken as removed for good since {@link #takeRemoved}: their classes stay loaded, a line says so. */
    private final List<Path> removed = new ArrayList<>();
    private long lastDeleteNanos;

    /**
     * @param settleNanos how long a deleted class file or a tree being read again is waited for at most, 0 or more
     */
    MissingFiles(long settleNanos) {
        this.settleNanos = settleNanos;
    }

    /** Notes that the class file of a known class was deleted at {@code now} ({@link System#nanoTime()}). */
    void deleted(Path file, long now) {
        vanished.add(file);
        lastDeleteNanos = now;
    }

    /** {@return true when the file written was a deleted one waited for, and is no longer} */
    boolean writtenAgain(Path file) {
        return vanished.remove(file);
    }

    /** Notes that the events of a watched tree were lost at {@code now}, and that it is about to be read again. */
    void eventsLost(Path root, long now) {
        if (rereading.isEmpty()) {
            rereadingSinceNanos = now;
        }
        rereading.add(root);
    }

    /** Notes that a tree whose events were lost has been read again whole. */
    void reread(Path root) {
        rereading.remove(root);
    }

    /** {@return true when no deleted class file is waited for} */
    boolean noneVanished() {
        return vanished.isEmpty();
    }

    /**
     * Takes the deleted class files that none of a burst's files names as removed for good, once it has had no write
     * for a while ({@link ClassFileBurst#deletionQuietLeft}): a class deleted with the edits that stopped using it, or
     * renamed. A full rebuild's files name the classes it has still to write again, which are waited for as before.
     *
     * @param burst the burst's files, each read whole; never null
     */
    void removedUnlessNamed(Collection<BurstReferences.WholeFile> burst) {
        for (Iterator<Path> deleted = vanished.iterator(); deleted.hasNext(); ) {
            Path file = deleted.next();
            if (!namedBy(file, burst)) {
                deleted.remove();
                removed.add(file);
            }
        }
    }

    /**
     * {@return true when a file of the burst names the deleted class: as a class ({@code new}, a cast, a member's
     * owner), or in the descriptor of a member it declares or uses (a parameter's type)}
     */
    private static boolean namedBy(Path deleted, Collection<BurstReferences.WholeFile> burst) {
        for (BurstReferences.WholeFile file : burst) {
            ClassFileReferences classFile = file.classFile();
            for (String named : classFile.classes()) {
                if (deleted.endsWith(named + ClassFiles.SUFFIX)) {
                    return true;
                }
            }
            for (MemberKey declared : classFile.declared()) {
                if (inDescriptor(deleted, declared.descriptor())) {
                    return true;
                }
            }
            for (ClassFileReferences.MemberReference used : classFile.members()) {
                if (inDescriptor(deleted, used.member().descriptor())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@return true when a class the descriptor names ({@code Lname;}) has the deleted class file} */
    private static boolean inDescriptor(Path deleted, String descriptor) {
        int start = descriptor.indexOf('L');
        while (start >= 0) {
            int end = descriptor.indexOf(';', start);
            if (end < 0) {
                return false;
            }
            if (deleted.endsWith(descriptor.substring(start + 1, end) + ClassFiles.SUFFIX)) {
                return true;
            }
            start = descriptor.indexOf('L', end);
        }
        return false;
    }

    /** {@return the class files taken as removed for good since the last call, and forgets them} */
    List<Path> takeRemoved() {
        if (removed.isEmpty()) {
            return List.of();
        }
        List<Path> taken = List.copyOf(removed);
        removed.clear();
        return taken;
    }

    /** {@return true when no deleted class file and no tree being read again is waited for} */
    boolean isEmpty() {
        return vanished.isEmpty() && rereading.isEmpty();
    }

    /** {@return how much longer a tree whose events were lost may take to be read again; 0 when none is being read} */
    long rereadLeft(long now) {
        return rereading.isEmpty() ? 0 : Math.max(0, rereadingSinceNanos + settleNanos - now);
    }

    /**
     * {@return how much longer to wait for deleted class files to come back; 0 when none is missing}
     *
     * @param readAhead what was read of the batch's files, where an outer class's new file may show that a deleted
     *                  nested class is gone for good; never null
     */
    long rebuildLeft(long now, ReadAhead readAhead) {
        // A loop, not removeIf with a lambda: every batch asks, and a lambda would spin a class for the program.
        for (Iterator<Path> deleted = vanished.iterator(); deleted.hasNext(); ) {
            if (removedFromSource(deleted.next(), readAhead)) {
                deleted.remove();
            }
        }
        if (vanished.isEmpty()) {
            return 0;
        }
        long left = lastDeleteNanos + settleNanos - now;
        if (left <= 0) {
            // Given up on, not said removed: a rebuild slower than the wait (a loaded machine) writes them yet.
            vanished.clear();
        }
        return Math.max(0, left);
    }

    /** {@return true for a deleted nested class file that the outer class's new file, read whole, no longer names} */
    private static boolean removedFromSource(Path deleted, ReadAhead readAhead) {
        Path outer = NestedClassFiles.outerFile(deleted);
        byte[] outerBytes = outer == null ? null : readAhead.wholeBytes(outer);
        return outerBytes != null && NestedClassFiles.removedFromSource(deleted, outerBytes);
    }
}
