package dev.reload.agent.index;

import dev.reload.agent.config.LogLevel;
import dev.reload.agent.report.Reporter;
import dev.reload.agent.watch.ContentHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who records a loading class, and which hooks are registered when: the first look alone while no other agent may
 * change classes (the capture added around the agent's own retransformations, and around its redefinitions once an
 * agent may have been attached), the capture after it for the whole run otherwise.
 */
class CaptureTransformerTest {
    private static final String NAME = "a/b/Loaded";
    private static final byte[] FILE = {10, 20, 30};
    /** The agent's own load-time change: one byte more. */
    private static final LoadTimeChange OWN_CHANGE = (module, loader, internalName, classFile) ->
            Arrays.copyOf(classFile, classFile.length + 1);

    @TempDir
    Path watched;

    /** The transformers registered, in order, each with whether it was registered retransformation capable. */
    private final Map<ClassFileTransformer, Boolean> registered = new LinkedHashMap<>();
    private final LoadedClassIndex index = new LoadedClassIndex();
    private final ClassLoader loader = getClass().getClassLoader();
    /** Stands for the system thread group, where HotSpot starts its attach listener. */
    private final ThreadGroup threads = new ThreadGroup("system of " + getClass().getSimpleName());

    @Test
    void withoutOtherAgentsTheFirstLookIsTheOnlyHookAtLoadAndRecordsItsOwnBytesAsFinal() throws Exception {
        install(CaptureTransformer.Registration.AROUND_REDEFINITIONS);
        assertEquals(List.of(false), List.copyOf(registered.values()), "one hook, not retransformation capable");

        byte[] defined = firstLook().transform(null, loader, NAME, null, domain(), FILE);

        assertArrayEquals(OWN_CHANGE.apply(null, loader, NAME, FILE), defined);
        CapturedClass captured = index.get(loader, NAME);
        assertEquals(ContentHash.of(defined), captured.runningHash());
        assertFalse(captured.changedByOtherAgent());
        assertEquals(watched.resolve(NAME + ".class"), captured.file());
    }

    @Test
    void withoutOtherAgentsTheCaptureLeavesTheAgentsRedefinitionsAloneUntilTheAttachListenerRuns() throws Exception {
        CaptureTransformer capture = install(CaptureTransformer.Registration.AROUND_REDEFINITIONS);

        capture.expectRedefinition(Set.of(CaptureTransformerTest.class));
        assertEquals(List.of(false), List.copyOf(registered.values()), "no hook but the first look's");
        capture.endRedefinition();
        assertNull(capture.redefinedBytes(CaptureTransformerTest.class), "the JVM runs the bytes asked for");

        CountDownLatch stop = new CountDownLatch(1);
        Thread listener = new Thread(threads, () -> awaitQuietly(stop), "Attach Listener");
        listener.start();
        try {
            capture.expectRedefinition(Set.of(CaptureTransformerTest.class));
            assertEquals(List.of(false, true), List.copyOf(registered.values()),
                    "the capture added for the window once an agent may have been attached");
            capture.endRedefinition();
            assertEquals(List.of(false), List.copyOf(registered.values()), "the capture taken out after the window");
        } finally {
            stop.countDown();
            listener.join();
        }
        capture.expectRedefinition(Set.of(CaptureTransformerTest.class));
        assertEquals(List.of(false, true), List.copyOf(registered.values()),
                "an agent attached then stays in the program after the listener ended");
        capture.endRedefinition();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void withoutOtherAgentsTheCaptureIsRegisteredAroundTheAgentsOwnRetransformations() throws Exception {
        CaptureTransformer capture = install(CaptureTransformer.Registration.AROUND_REDEFINITIONS);
        byte[] running = {1, 2};

        capture.expectClassFiles(Set.of(CaptureTransformerTest.class));
        assertEquals(List.of(false, true), List.copyOf(registered.values()), "the capture added for the window");
        capture.transform(null, loader, NAME, CaptureTransformerTest.class, domain(), running);
        capture.transform(null, loader, "a/b/LoadedMeanwhile", null, domain(), FILE);
        assertArrayEquals(running, capture.redefinedBytes(CaptureTransformerTest.class));
        capture.endRedefinition();

        assertEquals(List.of(false), List.copyOf(registered.values()), "the capture taken out after the window");
        assertNull(capture.redefinedBytes(CaptureTransformerTest.class));
        assertNull(index.get(loader, "a/b/LoadedMeanwhile"), "a class loading meanwhile is the first look's");
    }

    @Test
    void withAnotherAgentTheCaptureStaysAndTellsItsChangeFromTheAgentsOwn() throws Exception {
        CaptureTransformer capture = install(CaptureTransformer.Registration.WHOLE_RUN);
        assertEquals(List.of(false, true), List.copyOf(registered.values()));

        byte[] own = firstLook().transform(null, loader, NAME, null, domain(), FILE);
        capture.transform(null, loader, NAME, null, domain(), own);
        assertFalse(index.get(loader, NAME).changedByOtherAgent(), "the agent's own change taken for another's");

        byte[] other = firstLook().transform(null, loader, "a/b/Other", null, domain(), FILE);
        byte[] otherAgents = Arrays.copyOf(other, other.length + 1);
        capture.transform(null, loader, "a/b/Other", null, domain(), otherAgents);
        CapturedClass changed = index.get(loader, "a/b/Other");
        assertTrue(changed.changedByOtherAgent());
        assertEquals(ContentHash.of(otherAgents), changed.runningHash());

        capture.expectRedefinition(Set.of(CaptureTransformerTest.class));
        capture.endRedefinition();
        assertEquals(List.of(false, true), List.copyOf(registered.values()), "registered for the whole run");
    }

    private CaptureTransformer install(CaptureTransformer.Registration registration) {
        Reporter quiet = new Reporter(LogLevel.OFF, new PrintStream(OutputStream.nullOutputStream()));
        CaptureCompactor compactor = new CaptureCompactor(quiet);
        return CaptureTransformer.install(registering(), registration, new ClassOrigins(null, List.of(watched), false),
                index, compactor, quiet, OWN_CHANGE, new LateAgents(quiet, threads));
    }

    private ClassFileTransformer firstLook() {
        return registered.keySet().iterator().next();
    }

    private ProtectionDomain domain() throws MalformedURLException {
        return new ProtectionDomain(new CodeSource(watched.toUri().toURL(), (Certificate[]) null), null);
    }

    /** {@return an instrumentation that only keeps the transformers added and not removed} */
    private Instrumentation registering() {
        return (Instrumentation) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Instrumentation.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "addTransformer" -> registered.put((ClassFileTransformer) arguments[0],
                            arguments.length > 1 && (Boolean) arguments[1]);
                    case "removeTransformer" -> registered.remove(arguments[0]) != null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
