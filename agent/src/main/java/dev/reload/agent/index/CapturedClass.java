package dev.reload.agent.index;

import dev.reload.agent.watch.ContentHash;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;

import java.lang.ref.WeakReference;
import java.nio.file.Path;

/**
 * What the agent knows about one class loaded from a watched directory, in one class loader: where its
 * file is and the class file the JVM runs now, as it was after every agent's load-time changes. Holds no
 * strong reference to the class or its loader. Thread-safe.
 */
public final class CapturedClass {
    private final String internalName;
    /** The file whose versions this class takes; another one once anonymous classes were renumbered. */
    private volatile Path file;
    /** The running class file until its shape is first needed; then null, to keep only the shape. */
    private volatile byte[] runningBytes;
    private volatile ClassShape shape;
    private volatile long runningHash;
    private volatile boolean changedByOtherAgent;
    private volatile WeakReference<Class<?>> type = new WeakReference<>(null);

    /**
     * @param internalName the class's internal name, such as {@code demo/Player}, never null
     * @param file the class file it was loaded from, never null
     * @param runningBytes the class file the JVM runs, never null; kept, not copied
     * @param changedByOtherAgent true when another agent changed the bytes at load, so they differ from the file
     */
    public CapturedClass(String internalName, Path file, byte[] runningBytes, boolean changedByOtherAgent) {
        this.internalName = internalName;
        this.file = file;
        this.runningBytes = runningBytes;
        this.runningHash = ContentHash.of(runningBytes);
        this.changedByOtherAgent = changedByOtherAgent;
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
        return file;
    }

    /**
     * Records which class file continues this class from now on.
     *
     * @param continuedBy the file, or null when none does (its code left the source; its objects keep it)
     */
    void continuedBy(Path continuedBy) {
        this.file = continuedBy;
    }

    /**
     * {@return the shape of the class file the JVM runs now}
     *
     * @throws UnreadableClassException when the patcher cannot read what the JVM accepted (a newer class-file
     *     version than it knows)
     */
    public ClassShape shape() throws UnreadableClassException {
        ClassShape current = shape;
        if (current == null) {
            synchronized (this) {
                if (shape == null) {
                    shape = ClassShape.read(runningBytes);
                    runningBytes = null;
                }
                current = shape;
            }
        }
        return current;
    }

    /** {@return the {@link ContentHash} of the class file the JVM runs now} */
    public long runningHash() {
        return runningHash;
    }

    /** {@return true when another agent (coverage, profiler, APM) changed this class when it loaded} */
    public boolean changedByOtherAgent() {
        return changedByOtherAgent;
    }

    /** {@return the loaded class, or null when it is not known yet (or was unloaded)} */
    public Class<?> type() {
        return type.get();
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
        this.runningHash = ContentHash.of(bytes);
        this.changedByOtherAgent = changedByOtherAgent;
    }
}
