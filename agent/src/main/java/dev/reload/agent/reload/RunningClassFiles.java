package dev.reload.agent.reload;

import dev.reload.agent.index.CaptureTransformer;
import dev.reload.patcher.rewrite.Refusal;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recovers the class files the JVM runs now, for the few classes an edit rewrites, instead of keeping every
 * loaded class's bytes: retransforming a class makes the JVM rebuild its class file from what it runs, other
 * agents' transformers apply their changes again, and the capture, the last of them, records the result. Also
 * redefines the few classes outside a batch that the engine changes before it, in the capture's window.
 * Used by the reload thread only.
 */
final class RunningClassFiles {
    private final Instrumentation instrumentation;
    private final CaptureTransformer capture;
    /**
     * The class files recovered while a batch was judged, to name a class's members, until {@link #forgetRecovered}:
     * the batch's plan takes them rather than having the JVM rebuild them again, one safepoint each.
     */
    private final Map<Class<?>, byte[]> recovered = new HashMap<>();

    RunningClassFiles(Instrumentation instrumentation, CaptureTransformer capture) {
        this.instrumentation = instrumentation;
        this.capture = capture;
    }

    /**
     * {@return the class file each class runs now, by class}
     *
     * @param types loaded classes, never null
     * @throws RewriteRefusedException when the JVM cannot give one
     */
    Map<Class<?>, byte[]> recover(List<Class<?>> types) throws RewriteRefusedException {
        List<Class<?>> missing = new ArrayList<>();
        for (Class<?> type : types) {
            if (!recovered.containsKey(type)) {
                missing.add(type);
            }
        }
        if (!missing.isEmpty()) {
            recovered.putAll(retransform(missing));
        }
        Map<Class<?>, byte[]> running = new LinkedHashMap<>();
        for (Class<?> type : types) {
            running.put(type, recovered.get(type));
        }
        return running;
    }

    /** Forgets the class files recovered so far. Call once a batch is planned, before it is applied. */
    void forgetRecovered() {
        recovered.clear();
    }

    private Map<Class<?>, byte[]> retransform(List<Class<?>> types) throws RewriteRefusedException {
        if (!instrumentation.isRetransformClassesSupported()) {
            throw refused(types.get(0), "this JVM cannot give the class file it runs (no retransformation)");
        }
        capture.expectClassFiles(new LinkedHashSet<>(types));
        try {
            instrumentation.retransformClasses(types.toArray(new Class<?>[0]));
            Map<Class<?>, byte[]> running = new LinkedHashMap<>();
            for (Class<?> type : types) {
                byte[] bytes = capture.redefinedBytes(type);
                if (bytes == null) {
                    throw refused(type, "the JVM did not hand over the class file it runs");
                }
                running.put(type, bytes);
            }
            return running;
        } catch (UnmodifiableClassException | RuntimeException | LinkageError | InternalError e) {
            // InternalError: how the JVM says "invalid class", for one whose initialization failed among others.
            throw refused(types.get(0), "the JVM cannot give the class file it runs (" + e + ")");
        } finally {
            capture.endRedefinition();
        }
    }

    /**
     * Redefines a class outside a batch, within the capture's window, so that the capture records the bytes it runs
     * since as the agent's own.
     *
     * @param type a loaded class, never null
     * @param classFile the class file it is to run, never null
     * @throws RewriteRefusedException when the JVM refused it; the class runs what it ran
     */
    void redefine(Class<?> type, byte[] classFile) throws RewriteRefusedException {
        recovered.remove(type);
        capture.expectRedefinition(Set.of(type));
        try {
            instrumentation.redefineClasses(new ClassDefinition(type, classFile));
            capture.redefinedOutsideBatch(type, classFile);
        } catch (ClassNotFoundException | UnmodifiableClassException | RuntimeException | LinkageError
                 | InternalError e) {
            throw refused(type, "the JVM refused to redefine it (" + e + ")");
        } finally {
            capture.endRedefinition();
        }
    }

    private static RewriteRefusedException refused(Class<?> type, String reason) {
        return new RewriteRefusedException(new Refusal(type.getName(), null, reason, Refusal.RESTART));
    }
}
