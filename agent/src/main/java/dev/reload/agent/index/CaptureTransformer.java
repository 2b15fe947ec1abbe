package dev.reload.agent.index;

import dev.reload.agent.report.Reporter;
import dev.reload.agent.watch.ContentHash;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Observes every class loaded from a watched directory, in every class loader, and records the class file
 * the JVM will really run. Registered as retransformation capable and after other agents, so it sees the
 * bytes after their load-time changes (coverage tools, profilers). Also sees the final bytes of the
 * agent's own redefinitions, and of other agents' retransformations, to keep the captured bytes true.
 * Only observes: always returns null, never throws, and never loads classes. On the loading thread it only keeps
 * the bytes; the {@link CaptureCompactor} hashes them and makes the shape once loading pauses.
 */
public final class CaptureTransformer implements ClassFileTransformer {
    private final ClassOrigins origins;
    private final LoadedClassIndex index;
    private final CaptureCompactor compactor;
    private final Reporter reporter;
    private final FirstLookTransformer firstLook;
    private final Map<Class<?>, byte[]> redefining = new ConcurrentHashMap<>();
    private volatile Set<Class<?>> expectedRedefinitions = Set.of();

    private CaptureTransformer(ClassOrigins origins, LoadedClassIndex index, CaptureCompactor compactor,
                               Reporter reporter, LoadTimeChange change) {
        this.origins = origins;
        this.index = index;
        this.compactor = compactor;
        this.reporter = reporter;
        this.firstLook = new FirstLookTransformer(origins, change);
    }

    /**
     * {@return the capture, registered with {@code instrumentation}: a first look before other agents'
     * retransformable transformers, and this observer last}
     */
    public static CaptureTransformer install(Instrumentation instrumentation, ClassOrigins origins, LoadedClassIndex index,
                                             CaptureCompactor compactor, Reporter reporter) {
        return install(instrumentation, origins, index, compactor, reporter, LoadTimeChange.NONE);
    }

    /**
     * {@return the capture, registered as {@link #install(Instrumentation, ClassOrigins, LoadedClassIndex,
     * CaptureCompactor, Reporter)} does, its first look making {@code change} to each watched class as it loads}
     */
    public static CaptureTransformer install(Instrumentation instrumentation, ClassOrigins origins, LoadedClassIndex index,
                                             CaptureCompactor compactor, Reporter reporter, LoadTimeChange change) {
        CaptureTransformer capture = new CaptureTransformer(origins, index, compactor, reporter, change);
        capture.warmUp();
        instrumentation.addTransformer(capture.firstLook, false);
        instrumentation.addTransformer(capture, true);
        return capture;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classfileBuffer) {
        if (className == null || loader == null) {
            return null;
        }
        try {
            if (classBeingRedefined != null) {
                observeRedefinition(loader, className, classBeingRedefined, classfileBuffer);
            } else {
                observeLoad(loader, className, domain, classfileBuffer);
            }
        } catch (RuntimeException e) {
            if (reporter.isDebug()) {
                reporter.debug("could not capture " + className + " (" + e + "); a change to it will not be reloaded");
            }
        }
        return null;
    }

    /**
     * Starts collecting the final bytes of the classes about to be redefined by the agent.
     *
     * @param types the classes about to be redefined, never null
     */
    public void expectRedefinition(Set<Class<?>> types) {
        redefining.clear();
        expectedRedefinitions = Set.copyOf(types);
    }

    /** {@return the final bytes seen for {@code type} since {@link #expectRedefinition}, or null} */
    public byte[] redefinedBytes(Class<?> type) {
        return redefining.get(type);
    }

    /**
     * Records that the agent redefined a class with {@code requested} outside a batch (a declaration made to
     * dispatch, a class whose super calls are linked through the runtime): the class runs the final bytes seen since
     * {@link #expectRedefinition}, another agent's change only where they differ from the requested ones. Call
     * before {@link #endRedefinition}.
     *
     * @param type the class redefined, never null
     * @param requested the class file the agent asked for, never null
     */
    public void redefinedOutsideBatch(Class<?> type, byte[] requested) {
        CapturedClass captured = index.get(type.getClassLoader(), type.getName().replace('.', '/'));
        if (captured != null) {
            byte[] observed = redefining.get(type);
            captured.running(observed == null ? requested : observed,
                    observed != null && !Arrays.equals(observed, requested));
        }
    }

    /** Stops collecting and forgets what was collected. */
    public void endRedefinition() {
        expectedRedefinitions = Set.of();
        redefining.clear();
    }

    @SuppressWarnings("ReturnValueIgnored") // called only to load the classes now
    private void warmUp() {
        // Loads the classes the observers use before they observe: loading them inside transform() would recurse.
        ContentHash.of(new byte[1]);
        firstLook.take("");
        new FirstLookTransformer.Loading(null, null, null).own();
        origins.directoryOf("dev/reload/agent/index/WarmUp", null);
        CapturedClass.inDirectory("WarmUp", Path.of(""), new byte[0], false).internalName();
        Arrays.equals(new byte[1], new byte[1]);
        CapturedClass.class.getName();
    }

    private void observeLoad(ClassLoader loader, String className, ProtectionDomain domain, byte[] bytes) {
        FirstLookTransformer.Loading first = firstLook.take(className);
        Path directory = first != null ? first.directory() : origins.directoryOf(className, domain);
        if (directory == null) {
            return;
        }
        // The agent's own load-time change is part of the class; only a difference beyond it is another agent's.
        boolean changedByOther = first != null && !Arrays.equals(first.own(), bytes);
        CapturedClass captured = CapturedClass.inDirectory(className, directory, bytes, changedByOther);
        index.put(loader, captured);
        compactor.submit(captured, first != null ? first.original() : bytes);
    }

    private void observeRedefinition(ClassLoader loader, String className, Class<?> type, byte[] bytes) {
        if (expectedRedefinitions.contains(type)) {
            redefining.put(type, bytes);
            return;
        }
        // Another agent retransformed a class we track: what the JVM runs from now on is these bytes.
        CapturedClass captured = index.get(loader, className);
        if (captured != null) {
            captured.running(bytes, captured.changedByOtherAgent() || captured.runningHash() != ContentHash.of(bytes));
        }
    }
}
