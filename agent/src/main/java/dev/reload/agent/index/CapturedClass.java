package dev.reload.agent.index;

import java.lang.ref.WeakReference;
import java.nio.file.Path;

/**
 * What the agent knows about one class loaded from a watched directory, in one class loader: where its
 * file is and the class file the JVM runs now, as it was after every agent's load-time changes. Holds no
 * strong reference to the class or its loader. Thread-safe.
 */
public final class CapturedClass {
    private final String internalName;
    private final Path file;
    private volatile byte[] runningBytes;
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

    /** {@return the class file this class was loaded from} */
    public Path file() {
        return file;
    }

    /** {@return the class file the JVM runs now; not to be modified} */
    public byte[] runningBytes() {
        return runningBytes;
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
    public void running(byte[] bytes, boolean changedByOtherAgent) {
        this.runningBytes = bytes;
        this.changedByOtherAgent = changedByOtherAgent;
    }
}
