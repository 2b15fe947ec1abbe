package dev.reload.agent.index;

import dev.reload.agent.watch.ClassFiles;
import dev.reload.agent.watch.ContentHash;
import dev.reload.patcher.rewrite.ClassFileFormatException;
import dev.reload.patcher.rewrite.NestAttributes;
import dev.reload.patcher.rewrite.RuntimeNames;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the agent knows about one class loaded from a watched directory, in one class loader: where its
 * file is and the class file the JVM runs now, as it was after every agent's load-time changes. Captured on the
 * loading thread with no work beyond keeping the bytes; {@link #compact()} (off that thread, once loading pauses)
 * or the first need of the shape turns them into the {@link ClassShape} and a hash, and drops them. Where a
 * structural edit needs the running bytes again, the reload recovers them from the JVM. Holds no strong
 * reference to the class or its loader. Thread-safe.
 */
public final class CapturedClass {
    /**
     * The internal name while no shape holds it; null once one does, since a program's thousands of names, each a
     * {@code String} and its bytes, cost more than anything else the agent keeps of a class but its shape.
     */
    private volatile String internalName;
    /** The internal name's {@link String#hashCode}, which the index's table finds the class by. */
    private final int nameHash;
    /** The file whose versions this class takes; another one once anonymous classes were renumbered. */
    private volatile Path file;
    /**
     * While the path of {@link #file} is not made yet, the directory it lies in; null once it is. A loading thread
     * leaves the path to whoever first asks for it (the compactor, once loading pauses).
     */
    private volatile Path directory;
    /** The running class file until its shape is made; then null, to keep only the shape. */
    private byte[] runningBytes;
    private ClassShape shape;
    private long runningHash;
    private boolean hashed;
    /** The {@link ContentHash} of the class file as it came from disk, once the compactor made it. */
    private long fileHash;
    private boolean fileHashed;
    private boolean changedByOtherAgent;
    /**
     * False until a reload or another agent gives the class other bytes: until then its shape keeps no member names,
     * which its class file on disk still has, and most classes are never edited.
     */
    private boolean keepsMemberNames;
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
        this.nameHash = internalName.hashCode();
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

    /** {@return the internal name, such as {@code demo/Player}} */
    public String internalName() {
        String name = internalName;
        return name != null ? name : nameFromShape();
    }

    private synchronized String nameFromShape() {
        String name = internalName;
        return name != null ? name : shape.internalName();
    }

    /** {@return true when the class's internal name is {@code name}}, by its hash first: most classes asked are not */
    boolean hasName(String name) {
        return name.hashCode() == nameHash && name.equals(internalName());
    }

    /** {@return the internal name's {@link String#hashCode}} */
    int nameHash() {
        return nameHash;
    }

    /** {@return the binary name, such as {@code demo.Player}} */
    public String binaryName() {
        return internalName().replace('/', '.');
    }

    /**
     * {@return the class file whose new versions this class takes: the one it was loaded from, or the one that
     * continues it after anonymous classes were renumbered ({@code Outer$1} running the file {@code Outer$2});
     * null when no file continues it any more}
     */
    public Path file() {
        Path unresolved = directory;
        if (unresolved != null) {
            resolveFile(unresolved);
        }
        return file;
    }

    private synchronized void resolveFile(Path unresolved) {
        if (directory == unresolved) {
            file = ClassFiles.fileOf(unresolved, internalName());
            directory = null;
        }
    }

    /**
     * Records which class file continues this class from now on.
     *
     * @param continuedBy the file, or null when none does (its code left the source; its objects keep it)
     */
    synchronized void continuedBy(Path continuedBy) {
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
            readShape();
        }
        return shape;
    }

    /**
     * Makes the shape from the bytes held and drops them. The compactor calls this, not {@link #shape()}: the JIT
     * inlines what a call's profile says is taken, and start-up's thousands of reads through {@code shape()} would put
     * the whole reader into the compilation of each lookup that calls it at a save, which the save's redefinition then
     * throws away unfinished.
     */
    private void readShape() throws UnreadableClassException {
        ClassShape read = keepsMemberNames ? ClassShape.read(runningBytes)
                : ClassShape.readWithoutMemberNames(runningBytes);
        hash();
        shape = read;
        runningBytes = null;
        if (read.internalName().equals(internalName)) {
            internalName = null;
        }
    }

    /**
     * {@return the shape of the class file the JVM runs now, with its members' names; null when neither {@code source}
     * nor the class file on disk names every member} The shape the compactor makes keeps only the hashes of the names,
     * which is all a body edit needs; an edit that needs the names asks here, and the shape keeps them from then on.
     *
     * @param source a shape that keeps its member names, such as the new version of the class; null for none
     * @throws UnreadableClassException when the patcher cannot read the class file the JVM runs
     */
    public ClassShape shapeWithMemberNames(ClassShape source) throws UnreadableClassException {
        ClassShape running;
        synchronized (this) {
            if (shape == null && runningBytes != null) {
                keepsMemberNames = true; // read from the bytes held: nothing else to look at
            }
            running = shape();
        }
        if (running.hasMemberNames()) {
            return running;
        }
        ClassShape named = namedBy(running, source);
        return keepNamed(running, named != null ? named : namedFromDisk(running));
    }

    /**
     * {@return the running shape named by the class file the JVM runs, as a retransformation rebuilt it; null when
     * that file does not name every member}
     *
     * @param runningClassFile the class file the JVM gave for this class, never null
     * @throws UnreadableClassException when the patcher cannot read it
     */
    public ClassShape shapeNamedBy(byte[] runningClassFile) throws UnreadableClassException {
        ClassShape running = shape();
        return running.hasMemberNames() ? running
                : keepNamed(running, namedBy(running, ClassShape.read(runningClassFile)));
    }

    /**
     * {@return the running shape named by its class file on disk; null when that no longer declares every member}
     * Whatever version the file holds, a name whose hash is a running member's is that member's name: the file
     * need not be the one the class loaded from, which the compactor may not have hashed yet.
     */
    private ClassShape namedFromDisk(ClassShape running) {
        Path onDisk = file();
        if (onDisk == null) {
            return null;
        }
        try {
            return namedBy(running, ClassShape.read(Files.readAllBytes(onDisk)));
        } catch (IOException | UnreadableClassException | RuntimeException e) {
            return null; // gone, or half written: the caller has the JVM rebuild the class file
        }
    }

    /**
     * {@return the running shape with the names of {@code source}'s members and of what the agent adds at load; null
     * when they leave a member unnamed}
     */
    private static ClassShape namedBy(ClassShape running, ClassShape source) {
        return running.withMemberNamesFrom(source, RuntimeNames.LOAD_TIME_MEMBER_NAMES);
    }

    /** Keeps {@code named} as the shape unless the class runs other bytes since; {@return named} */
    @SuppressWarnings("ReferenceEquality") // the very shape named: an equal one of other bytes would be another
    private synchronized ClassShape keepNamed(ClassShape running, ClassShape named) {
        if (named != null && shape == running) {
            shape = named;
        }
        return named;
    }

    /**
     * {@return true when the running class lists {@code member} in its {@code NestMembers}} Reads the held bytes'
     * outline rather than making the shape, so a nested class loading while its host's bytes are held costs no
     * ASM read.
     *
     * @throws UnreadableClassException when the patcher cannot read the class file
     */
    public synchronized boolean listsNestMember(String member) throws UnreadableClassException {
        if (shape == null && runningBytes != null) {
            try {
                return NestAttributes.nestMembersOf(runningBytes).contains(member);
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
            // Its own check, not a call to shape(): the JIT profiles each branch where it is, and this one is taken
            // thousands of times at start-up, where shape()'s is then taken only when a class changed.
            if (shape == null) {
                readShape();
            }
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

    /** Records the {@link ContentHash} of the class file as it came from disk when the class loaded. */
    synchronized void fileHashedAtLoad(long hash) {
        fileHash = hash;
        fileHashed = true;
    }

    /** {@return the {@link ContentHash} of the class file as it came from disk when it loaded; null until known} */
    synchronized Long fileHashAtLoad() {
        return fileHashed ? fileHash : null;
    }

    /**
     * {@return true when {@code candidate} is the class file of this class} Makes no path of its own that it would
     * keep: the collector asks of every file written, and most classes are never asked for their file.
     */
    boolean isFile(Path candidate) {
        Path unresolved = directory;
        if (unresolved != null) {
            return candidate.equals(ClassFiles.fileOf(unresolved, internalName()));
        }
        return candidate.equals(file);
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
        this.keepsMemberNames = true;
        if (shape != null) {
            internalName = shape.internalName(); // no shape holds it until the new bytes' shape is made
        }
        this.shape = null;
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
