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
 * Records the class file the JVM really runs for every class loaded from a watched directory, in every class
 * loader. As a transformer it is retransformation capable and registered after the first look, so it sees the
 * bytes after other agents' load-time changes (coverage tools, profilers: their non-retransformable transformers',
 * and the retransformable ones of agents started before this one, whose JVMTI environments come first), the final
 * bytes of the agent's own redefinitions, and other agents' retransformations. Each JVMTI environment with a transformer makes its own call
 * into Java for every class that loads, so it is registered for the whole run only when another agent may change
 * classes ({@link Registration}); otherwise the first look, then the only transformer at load, records each class as
 * it returns it, and this one is registered only around the agent's own retransformations, and around its
 * redefinitions once another agent may have been attached.
 * Only observes: always returns null, never throws, and never loads classes. On the loading thread it only keeps
 * the bytes; the {@link CaptureCompactor} hashes them and makes the shape once loading pauses.
 */
public final class CaptureTransformer implements ClassFileTransformer {
    private final ClassOrigins origins;
    private final LoadedClassIndex index;
    private final CaptureCompactor compactor;
    private final Reporter reporter;
    private final FirstLookTransformer firstLook;
    private final Instrumentation instrumentation;
    private final Registration registration;
    private final LateAgents lateAgents;
    private final Map<Class<?>, byte[]> redefining = new ConcurrentHashMap<>();
    private volatile Set<Class<?>> expectedRedefinitions = Set.of();
    /**
     * Whether this transformer is registered now; changed by the thread that redefines (the reload thread, or the
     * program's at a sync point).
     */
    private boolean registered;

    /** When the capture is registered as a transformer, and so who records a class as it loads. */
    public enum Registration {
        /**
         * For the whole run, after the first look: another agent may change classes as they load, or redefine and
         * retransform them, so the capture records the final bytes. Two class-load hooks for every class.
         */
        WHOLE_RUN,
        /**
         * Only around the agent's own retransformations, and around its redefinitions once an agent may have been
         * attached ({@link LateAgents}): no other agent was started with the program, so the first look's bytes are
         * final and it records each class itself, the only hook at load, and until an attach no transformer but the
         * agent's sees a redefinition, so the JVM runs the bytes asked for and the capture's hook, a copy of each
         * class file and a call into Java per class, would only say so. An agent attached later and retransforming
         * a class is not seen: the index keeps the bytes the agent knows (such an agent can change method bodies
         * only), and the agent's next redefinition of the class, which that agent's transformer sees and changes
         * again, shows the capture its change then. A redefinition under way while the agent is being attached may
         * miss its change once, in the same way. JFR started with the program changes its event classes in the
         * class-file parser and from a retransformable environment made after the agent's, so the capture never
         * saw its change, registered or not.
         */
        AROUND_REDEFINITIONS
    }

    private CaptureTransformer(Instrumentation instrumentation, Registration registration, ClassOrigins origins,
                               LoadedClassIndex index, CaptureCompactor compactor, Reporter reporter,
                               LoadTimeChange change, LateAgents lateAgents) {
        this.instrumentation = instrumentation;
        this.registration = registration;
        this.origins = origins;
        this.index = index;
        this.compactor = compactor;
        this.reporter = reporter;
        this.lateAgents = lateAgents;
        this.firstLook = new FirstLookTransformer(origins, change, registration, this);
    }

    /**
     * {@return the capture, its first look registered with {@code instrumentation} and making {@code change} to each
     * watched class as it loads; this observer registered after it as {@code registration} says}
     */
    public static CaptureTransformer install(Instrumentation instrumentation, Registration registration,
                                             ClassOrigins origins, LoadedClassIndex index, CaptureCompactor compactor,
                                             Reporter reporter, LoadTimeChange change) {
        return install(instrumentation, registration, origins, index, compactor, reporter, change,
                new LateAgents(reporter));
    }

    /** As the public {@code install}, asking {@code lateAgents} whether an agent may have been attached. */
    static CaptureTransformer install(Instrumentation instrumentation, Registration registration, ClassOrigins origins,
                                      LoadedClassIndex index, CaptureCompactor compactor, Reporter reporter,
                                      LoadTimeChange change, LateAgents lateAgents) {
        CaptureTransformer capture = new CaptureTransformer(instrumentation, registration, origins, index, compactor,
                reporter, change, lateAgents);
        capture.warmUp();
        instrumentation.addTransformer(capture.firstLook, false);
        if (registration == Registration.WHOLE_RUN) {
            capture.register();
        }
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
            couldNotCapture(className, e);
        }
        return null;
    }

    /**
     * Starts collecting the final bytes of the classes about to be redefined or retransformed by the agent, where
     * another agent's transformer may change them: none is seen (and {@link #redefinedBytes} is null) while none
     * may be in the program.
     *
     * @param types the classes about to be redefined, never null
     */
    public void expectRedefinition(Set<Class<?>> types) {
        redefining.clear();
        expectedRedefinitions = Set.copyOf(types);
        if (watchesRedefinitions()) {
            register();
        }
    }

    /**
     * {@return true when a redefinition by the agent is watched, because another agent's transformer may change its
     * bytes on their way in; false when the JVM runs the bytes asked for, and {@link #expectRedefinition} would only
     * copy the classes to look for}
     */
    public boolean watchesRedefinitions() {
        return registration == Registration.WHOLE_RUN || lateAgents.mayHaveCome();
    }

    /**
     * Starts collecting the class files the JVM hands over for the classes about to be retransformed by the agent,
     * which wants them whether or not another agent is in the program.
     *
     * @param types the classes about to be retransformed, never null
     */
    public void expectClassFiles(Set<Class<?>> types) {
        redefining.clear();
        expectedRedefinitions = Set.copyOf(types);
        register();
    }

    /** {@return true between {@link #expectRedefinition} or {@link #expectClassFiles} and {@link #endRedefinition}} */
    public boolean collecting() {
        return !expectedRedefinitions.isEmpty();
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
        if (registration == Registration.AROUND_REDEFINITIONS) {
            unregister();
        }
        expectedRedefinitions = Set.of();
        redefining.clear();
    }

    private void couldNotCapture(String className, RuntimeException e) {
        if (reporter.isDebug()) {
            reporter.debug("could not capture " + className + " (" + e + "); a change to it will not be reloaded");
        }
    }

    private synchronized void register() {
        if (!registered) {
            instrumentation.addTransformer(this, true);
            registered = true;
        }
    }

    private synchronized void unregister() {
        if (registered) {
            instrumentation.removeTransformer(this);
            registered = false;
        }
    }

    /**
     * Records a class the first look saw load, with the bytes it returned as final: called by the first look, the
     * only transformer at load, when the capture is registered {@link Registration#AROUND_REDEFINITIONS}.
     */
    void loaded(ClassLoader loader, String className, FirstLookTransformer.Loading first) {
        try {
            record(loader, CapturedClass.inDirectory(className, first.directory(), first.own(), false),
                    first.original(), first.own() == first.original());
        } catch (RuntimeException e) {
            couldNotCapture(className, e);
        }
    }

    @SuppressWarnings("ReturnValueIgnored") // called only to load the classes now
    private void warmUp() {
        // Loads the classes the observers use before they observe: loading them inside transform() would recurse.
        ContentHash.of(new byte[1]);
        firstLook.take("");
        new FirstLookTransformer.Loading(null, null, null).own();
        // A domain without a code source takes the whole path: the domain cache, then the look under watched roots.
        origins.directoryOf("dev/reload/agent/index/WarmUp", new ProtectionDomain(null, null));
        CapturedClass.inDirectory("WarmUp", Path.of(""), new byte[0], false).internalName();
        Arrays.equals(new byte[1], new byte[1]);
        CapturedClass.class.getName();
    }

    private void observeLoad(ClassLoader loader, String className, ProtectionDomain domain, byte[] bytes) {
        if (registration == Registration.AROUND_REDEFINITIONS) {
            return; // a class loading during the agent's own redefinition: the first look recorded it
        }
        FirstLookTransformer.Loading first = firstLook.take(className);
        Path directory = first != null ? first.directory() : origins.directoryOf(className, domain);
        if (directory == null) {
            return;
        }
        // The agent's own load-time change is part of the class; only a difference beyond it is another agent's.
        boolean changedByOther = first != null && !Arrays.equals(first.own(), bytes);
        record(loader, CapturedClass.inDirectory(className, directory, bytes, changedByOther),
                first != null ? first.original() : bytes, false);
    }

    /**
     * Files a class that loaded and queues its class file for the compactor.
     *
     * @param original the class file as it came from disk, never null
     * @param unchanged true when the class runs {@code original} itself: the compactor, not the loading thread, hashes it
     */
    private void record(ClassLoader loader, CapturedClass captured, byte[] original, boolean unchanged) {
        index.put(loader, captured);
        if (unchanged) {
            compactor.submitUnchanged(captured, original);
        } else {
            compactor.submit(captured, original);
        }
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
