package dev.reload.agent.watch;

import dev.reload.agent.parallel.BatchSteps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The content of each watched file as the agent last saw it ({@link ContentHash}), and the reading of a handed-out
 * batch against it: a class file whose content is what the program runs (or what was judged) is dropped, and so is an
 * asset whose content is what the hooks were last given. Apart from the collector because its lock does not guard it:
 * the watchers ask it whether a deleted file is known, the reload thread records what it applied or judged, and the
 * collector's consumer reads a batch with it outside the lock. Thread-safe.
 */
final class KnownContents {
    /** What the agent saw of a file since its class loaded; for the rest, {@link #atLoad}. */
    private final Map<Path, Long> knownHashes = new ConcurrentHashMap<>();
    private volatile LoadTimeHashes atLoad = LoadTimeHashes.NONE;
    /**
     * How long after a refusal the refused bytes written again alone are taken for the same save: an editor or a
     * build reports one write twice within milliseconds, and the batch of the first is judged by then. Saved again
     * later, on purpose, the refusal is said again.
     */
    static final long SAME_SAVE_NANOS = Duration.ofSeconds(1).toNanos();
    /**
     * Per file, the content a refused batch held and when, while the file still holds it: written again alone with
     * those bytes soon after (a second event for one save), it would be refused again; see {@link #changedFiles}.
     */
    private final Map<Path, Refused> refusedHashes = new ConcurrentHashMap<>();
    private final long sameSaveNanos;
    /** Per file, its stamp when it last held the content of its known hash; only for files read again after lost events. */
    private final Map<Path, FileStamp> stamps = new ConcurrentHashMap<>();
    private final BiConsumer<Path, IOException> unreadable;

    /**
     * @param unreadable told about a file that exists but cannot be read, never null
     */
    KnownContents(BiConsumer<Path, IOException> unreadable) {
        this(unreadable, SAME_SAVE_NANOS);
    }

    /**
     * @param unreadable told about a file that exists but cannot be read, never null
     * @param sameSaveNanos how long after a refusal its bytes written again alone are dropped ({@link #SAME_SAVE_NANOS})
     */
    KnownContents(BiConsumer<Path, IOException> unreadable, long sameSaveNanos) {
        this.unreadable = unreadable;
        this.sameSaveNanos = sameSaveNanos;
    }

    /** Records the content the program now runs (or that was judged), so identical writes are dropped. */
    void remember(Path file, long hash) {
        knownHashes.put(file, hash);
        refusedHashes.remove(file);
    }

    /**
     * Records the content a refused batch held: written again with nothing new beside it, within
     * {@link #SAME_SAVE_NANOS}, the file is dropped.
     */
    void refused(Path file, long hash) {
        refusedHashes.put(file, new Refused(hash, System.nanoTime()));
    }

    /** The content of a refused file, and when it was refused ({@link System#nanoTime()}). */
    private record Refused(long hash, long atNanos) {
    }

    /** Takes what each class file held when its class loaded from {@code hashes}, where nothing newer is known. */
    void rememberLoadedWith(LoadTimeHashes hashes) {
        atLoad = hashes;
    }

    /** {@return the content the agent last saw of the file, or null when it knows none} */
    private Long knownHash(Path file) {
        Long known = knownHashes.get(file);
        return known != null ? known : atLoad.of(file);
    }

    /** Forgets the content of a file, so that it is handed out again even if unchanged. */
    void forget(Path file) {
        knownHashes.remove(file);
    }

    /** {@return true when {@code hash} is the content the agent last saw of the file: a batch drops it} */
    boolean holds(Path file, long hash) {
        Long known = knownHash(file);
        return known != null && known == hash;
    }

    /**
     * {@return true when the file holds the content the agent last saw, false when it may not (or is gone)}: its stamp is
     * the one kept when it was last found so ({@link FileStamp}), or else it is read and its hash compared. For a tree
     * whose events were lost, whose files the watcher reports again: most of them are what they were, and reading every
     * one made the batch wait for thousands of reads.
     */
    boolean holdsKnown(Path file) {
        Long known = knownHash(file);
        if (known == null) {
            return false;
        }
        try {
            // The stamp before the read: a write after it changes the stamp, so a stale one is never kept.
            FileStamp now = FileStamp.of(file, known);
            if (now.equals(stamps.get(file))) {
                return true;
            }
            if (ContentHash.of(FileBytes.read(file)) != known) {
                return false;
            }
            if (!now.racy(System.currentTimeMillis())) {
                stamps.put(file, now);
            }
            return true;
        } catch (IOException e) {
            return false; // gone or unreadable: the batch looks at it as at any written file
        }
    }

    /** {@return true when the file is that of a class the agent knows (its content may not be known yet), or an asset} */
    boolean knows(Path file) {
        return knownHashes.containsKey(file) || atLoad.loadedFrom(file);
    }

    /**
     * {@return the files of a handed-out batch that still exist and whose content is not what was seen last, read on
     * every core where they were not read ahead; the forced ones even if unchanged; none when all hold the content a
     * batch was refused for and none is forced}
     *
     * @param files the files written, to their watched roots, in the order first seen; never null
     * @param forced the files to hand out even if unchanged, to their watched roots, never null
     * @param readAhead what was read of the written files while their writes went on, by file; never null
     */
    List<ChangedFile> changedFiles(Map<Path, Path> files, Map<Path, Path> forced, Map<Path, FileRead> readAhead) {
        List<ChangedFile> changed = new ArrayList<>();
        Map<Path, Path> all = new LinkedHashMap<>(files);
        all.putAll(forced);
        List<FileRead> reads = BatchSteps.map(new ArrayList<>(all.keySet()), new ReadUnlessReadAhead(readAhead, forced));
        for (FileRead read : reads) {
            Path file = read.file();
            byte[] bytes;
            try {
                bytes = read.content().value();
            } catch (NoSuchFileException e) {
                continue; // deleted again before we looked: nothing to apply
            } catch (IOException e) {
                if (Files.isRegularFile(file)) {
                    unreadable.accept(file, e);
                }
                continue;
            }
            if (holds(file, read.hash()) && !forced.containsKey(file) && refusedHashes.remove(file) == null) {
                continue;
            }
            // A refused edit undone goes out though it holds what runs: the classes held back with it may apply now,
            // and the refused bytes saved again later are judged again.
            changed.add(new ChangedFile(all.get(file), file, bytes, read.hash(), read.shape()));
        }
        return anyNew(changed, forced) ? changed : List.of();
    }

    /**
     * {@return true when a file of the batch holds content no batch was refused for a moment ago, or is forced}: a
     * batch of that content alone would only be refused again, and the same refusal printed twice for one save. With
     * a new file beside them (a full build after the refused class was mended), the refused files go out too, as they
     * apply only with it.
     */
    private boolean anyNew(List<ChangedFile> changed, Map<Path, Path> forced) {
        long now = System.nanoTime();
        for (ChangedFile file : changed) {
            Refused refused = refusedHashes.get(file.file());
            if (refused == null || refused.hash() != file.hash() || now - refused.atNanos() >= sameSaveNanos
                    || forced.containsKey(file.file())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A file as the read ahead left it, else read (and hashed) now; a forced one always now. A class of its own, not a
     * lambda: every batch runs it, and a lambda spins a class that every later redefinition walks.
     */
    private record ReadUnlessReadAhead(Map<Path, FileRead> readAhead, Map<Path, Path> forced)
            implements Function<Path, FileRead> {
        @Override
        public FileRead apply(Path file) {
            FileRead before = forced.containsKey(file) ? null : readAhead.get(file);
            return before != null ? before : FileRead.of(file);
        }
    }

    /**
     * {@return for each file, in their order, whether it holds the content the agent last saw ({@link #holdsKnown}),
     * looked at on every core}
     */
    List<Boolean> holdKnown(List<Path> files) {
        return BatchSteps.map(files, new Function<Path, Boolean>() {
            // Not a lambda, as above: every tree read again runs it.
            @Override
            public Boolean apply(Path file) {
                return holdsKnown(file);
            }
        });
    }

    /** {@return the assets that still exist and whose content differs from what was handed out last} */
    List<Path> changedAssets(List<Path> written) {
        List<Path> changed = new ArrayList<>();
        for (Path file : written) {
            byte[] bytes;
            try {
                bytes = FileBytes.read(file);
            } catch (NoSuchFileException e) {
                continue; // deleted: hooks are told about the assets that are there to read
            } catch (IOException e) {
                if (Files.isRegularFile(file)) {
                    unreadable.accept(file, e);
                }
                continue; // a directory, or gone
            }
            long hash = ContentHash.of(bytes);
            Long known = knownHashes.put(file, hash);
            if (known == null || known != hash) {
                changed.add(file);
            }
        }
        return changed;
    }
}
