package dev.reload.agent.index;

import dev.reload.agent.watch.ClassFiles;
import dev.reload.agent.watch.ContentHash;
import dev.reload.patcher.rewrite.ClassFileFormatException;
import dev.reload.patcher.rewrite.NestAttributes;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the agent knows about one class loaded from a watched directory, in one class loader: where its
 * file is and the class file the JVM runs now, as it was after every agent's load-time changes. Captured on the
 * loading thread with no work beyond keeping the bytes, or, for a class that runs its file unchanged, beyond hashing
 * them ({@link #runningItsFile}): those bytes are on disk until the file is written again. {@link #compact()} (off
 * that thread, once loading pauses) or the first need of the shape turns them into the {@link ClassShape} and a hash,
 * and drops them. Where a structural edit needs the running bytes again, or the file was written before its shape
 * was made, the reload recovers them from the JVM. Holds no strong reference to the class or its loader.
 * Thread-safe.
 */
public final class CapturedClass {
    private final String internalName;
    /** The file whose versions this class takes; another one once anonymous classes were renumbered. */
    private volatile Path file;
    /**
     * The directory the class's own file lies in, from which the path of {@link #file} is made when first asked for
     * (a loading thread leaves that to the compactor, once loading pauses); null once another file continues the
     * class, or when the class was captured with its path made.
     */
    private volatile Path directory;
    /** The running class file until its shape is made; then null, to keep only the shape. */
    private byte[] runningBytes;
    private ClassShape shape;
    private long runningHash;
    private boolean hashed;
    /**
     * True while the class runs its file as it was when it loaded and no bytes are held: the shape is made from the
     * file on disk if it still has {@link #runningHash}.
     */
    private boolean onDisk;
    /** True when the file on disk was last found written since: only the JVM has the running bytes then. */
    private boolean fileWritten;
    private boolean changedByOtherAgent;
    /** Null until the class is known: most classes never need it. */
    private volatile WeakReference<Class<?>> type;

    /**
     * @param internalName the class's internal name, such as {@code demo/Player}, never null
     * @param file the class file it was loaded from, never null
     * @param runningBytes the class file the JVM runs, never null; kept, not copied, not hashed yet
     * @param changedByOtherAgent true when another agent changed the bytes at load, so they differ from the file
     */
    public CapturedClass(String internalName, Path file, byte[] runningBytes, boolean changedByOtherAgent) {
        this.internalName = internalName;
        this.file = file;
        this.runningBytes = runningBytes;
        this.changedByOtherAgent = changedByOtherAgent;
    }

    /**
     * {@return a class captured as it loads, whose file's path is made only when first asked for}
     *
     * @param internalName the class's internal name, such as {@code demo/Player}, never null
     * @param directory the directory whose {@link ClassFiles#fileOf} the class was loaded from, never null
     * @param runningBytes the class file the JVM runs, never null; kept, not copied, not hashed yet
     * @param changedByOtherAgent true when another agent changed the bytes at load, so they differ from the file
     */
    public static CapturedClass inDirectory(String internalName, Path directory, byte[] runningBytes,
                                            boolean changedByOtherAgent) {
        CapturedClass captured = new CapturedClass(internalName, null, runningBytes, changedByOtherAgent);
        captured.directory = directory;
        return captured;
    }

    /**
     * {@return a class captured as it loads that runs its class file as it came from disk, holding only the file's
     * hash}: the cheapest capture, for a class no agent changed at load. Its shape is made from the file on disk
     * while the file keeps that hash; once it does not, from the JVM's copy ({@link #awaitsRunningClassFile}).
     *
     * @param internalName the class's internal name, such as {@code demo/Player}, never null
     * @param directory the directory whose {@link ClassFiles#fileOf} the class was loaded from, never null
     * @param fileHash the {@link ContentHash} of the class file as it loaded
     */
    public static CapturedClass runningItsFile(String internalName, Path directory, long fileHash) {
        CapturedClass captured = inDirectory(internalName, directory, null, false);
        captured.runningHash = fileHash;
        captured.hashed = true;
        captured.onDisk = true;
        return captured;
    }

    /** {@return the internal name, such as {@code demo/Player}} */
    public String internalName() {
        return internalName;
    }

    /** {@return the binary name, such as {@code demo.Player}} */
    public String binaryName() {
        return internalName.replace('/', '.');
    }

    /**
     * {@return the class file whose new versions this class takes: the one it was loaded from, or the one that
     * continues it after anonymous classes were renumbered ({@code Outer$1} running the file {@code Outer$2});
     * null when no file continues it any more}
     */
    public Path file() {
        Path resolved = file;
        return resolved != null || directory == null ? resolved : resolveFile();
    }

    private synchronized Path resolveFile() {
        Path unresolved = directory;
        if (file == null && unresolved != null) {
            file = ClassFiles.fileOf(unresolved, internalName);
        }
        return file;
    }

    /**
     * Records which class file continues this class from now on.
     *
     * @param continuedBy the file, or null when none does (its code left the source; its objects keep it)
     */
    synchronized void continuedBy(Path continuedBy) {
        if (onDisk) {
            compact(); // from the file it loaded, while that is still the file it knows
        }
        this.directory = null;
        this.file = continuedBy;
    }

    /**
     * {@return the shape of the class file the JVM runs now}
     *
     * @throws UnreadableClassException when the patcher cannot read what the JVM accepted (a newer class-file
     *     version than it knows)
     */
    public synchronized ClassShape shape() throws UnreadableClassException {
        if (shape == null) {
            ClassShape read = ClassShape.read(runningBytes != null ? runningBytes : fileAsLoaded());
            hash();
            shape = read;
            runningBytes = null;
            onDisk = false;
        }
        return shape;
    }

    /**
     * {@return true when the class runs a class file that is neither held nor on disk any more}: its file was
     * written after it loaded and before its shape was made, so the shape must come from the JVM's copy
     * ({@link #recovered}). Makes the shape from the file instead when the file is still the one that loaded.
     */
    public synchronized boolean awaitsRunningClassFile() {
        if (!onDisk) {
            return false;
        }
        try {
            shape();
            return false;
        } catch (UnreadableClassException e) {
            return fileWritten;
        }
    }

    /**
     * Takes the class file the JVM rebuilt from the running class, for a class whose file was written before its
     * shape was made; keeps the hash taken at load, as a rebuilt class file is equal in content, not byte for byte.
     *
     * @param rebuilt the class file the JVM gave back by retransformation, never null
     */
    public synchronized void recovered(byte[] rebuilt) {
        if (onDisk) {
            runningBytes = rebuilt;
            onDisk = false;
            fileWritten = false;
        }
    }

    /**
     * {@return the class file on disk, which this class runs}
     *
     * @throws UnreadableClassException when the file is gone or was written since the class loaded
     */
    private byte[] fileAsLoaded() throws UnreadableClassException {
        byte[] file = readFile(); // read again each time: a build may write the same bytes back
        if (file == null) {
            fileWritten = true;
            throw new UnreadableClassException(UnreadableClassException.Reason.EMPTY, -1, "its class file was written"
                    + " after it loaded, before the agent read it; the JVM's copy is taken when its file is reloaded",
                    null);
        }
        return file;
    }

    /** {@return the file's bytes when they still have the hash taken at load; else null} */
    private byte[] readFile() {
        Path loadedFrom = directory;
        if (loadedFrom == null) {
            return null;
        }
        try {
            // Through a path of its own: a file channel asks its path for its name as a string, which the path then
            // keeps; the path the index keeps would hold it for good, about 100 bytes a class.
            byte[] bytes = Files.readAllBytes(ClassFiles.fileOf(loadedFrom, internalName));
            return ContentHash.of(bytes) == runningHash ? bytes : null;
        } catch (IOException | RuntimeException e) {
            return null; // gone or unreadable: only the JVM has the bytes
        }
    }

    /**
     * {@return true when the running class lists {@code member} in its {@code NestMembers}} Reads the outline of the
     * held bytes, or of the file the class runs, rather than making the shape, so a nested class loading before its
     * host is compacted costs no ASM read.
     *
     * @throws UnreadableClassException when the patcher cannot read the class file
     */
    public synchronized boolean listsNestMember(String member) throws UnreadableClassException {
        byte[] outlined = shape != null ? null : runningBytes != null ? runningBytes : onDisk ? readFile() : null;
        if (outlined != null) {
            try {
                return NestAttributes.nestMembersOf(outlined).contains(member);
            } catch (ClassFileFormatException e) {
                // The outline cannot walk it: the shape says why.
            }
        }
        return shape().nestMembers().contains(member);
    }

    /**
     * Makes the shape and the hash now and drops the bytes, unless done already. A class whose bytes the patcher
     * cannot read keeps them, so that {@link #shape()} can say why when it is asked.
     */
    public synchronized void compact() {
        try {
            shape();
        } catch (UnreadableClassException e) {
            hash();
        }
    }

    /** {@return true while the class file is held, before {@link #compact()} or the first {@link #shape()}} */
    public synchronized boolean holdsBytes() {
        return runningBytes != null;
    }

    /** {@return the {@link ContentHash} of the class file the JVM runs now} */
    public synchronized long runningHash() {
        hash();
        return runningHash;
    }

    /** {@return true when another agent (coverage, profiler, APM) changed this class when it loaded} */
    public synchronized boolean changedByOtherAgent() {
        return changedByOtherAgent;
    }

    /** {@return the loaded class, or null when it is not known yet (or was unloaded)} */
    public Class<?> type() {
        WeakReference<Class<?>> known = type;
        return known == null ? null : known.get();
    }

    void resolve(Class<?> loaded) {
        type = new WeakReference<>(loaded);
    }

    /**
     * Records that the JVM now runs other bytes: after a reload, or after another agent retransformed it.
     *
     * @param bytes the class file the JVM runs now, never null
     * @param changedByOtherAgent whether those bytes differ from what the agent asked for
     */
    public synchronized void running(byte[] bytes, boolean changedByOtherAgent) {
        this.runningBytes = bytes;
        this.shape = null;
        this.onDisk = false;
        this.fileWritten = false;
        this.runningHash = ContentHash.of(bytes);
        this.hashed = true;
        this.changedByOtherAgent = changedByOtherAgent;
    }

    private void hash() {
        if (!hashed) {
            runningHash = ContentHash.of(runningBytes);
            hashed = true;
        }
    }
}
