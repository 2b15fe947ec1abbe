package dev.reload.agent.hook;

import dev.reload.agent.report.Reporter;
import dev.reload.agent.structural.RuntimeJar;
import dev.reload.agent.sync.SyncPointHandOff;
import dev.reload.runtime.ClassLinks;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@code OnReload} hooks after a batch: at a synchronization point on the game's thread, where its GL context
 * lives; otherwise one after the other on a thread of their own, waiting for each a limited time. A hook that throws is reported with its exception and where it was thrown; the other hooks still
 * run. A hook that blocks (waits on a lock the game holds, sleeps, loops) is reported once, when it has run
 * longer than the patience; it is left to finish on its thread, and later hooks and reloads go on, on a new one.
 */
public final class HookRunner {
    /** How long a hook may run before reloads stop waiting for it: a game's hook rebuilds, it does not stall. */
    public static final Duration PATIENCE = Duration.ofSeconds(2);
    /** Where the frames of the agent's call of a hook a reload added begin, below the hook's own. */
    private static final String METHOD_HANDLES_PACKAGE = "java.lang.invoke.";

    private final Reporter reporter;
    private final Duration patience;
    private ExecutorService thread = newHookThread();

    /** @param reporter where failing and stalled hooks are reported, never null */
    public HookRunner(Reporter reporter) {
        this(reporter, PATIENCE);
    }

    /**
     * @param reporter where failing and stalled hooks are reported, never null
     * @param patience how long to wait for one hook before going on without it, never null
     */
    HookRunner(Reporter reporter, Duration patience) {
        this.reporter = reporter;
        this.patience = patience;
    }

    /**
     * Runs the named static no-argument methods of a class, each within the patience. Called by one thread at a
     * time (the reload thread); returns once each hook has ended or has run out of patience.
     *
     * @param type the class that was reloaded, never null
     * @param hooks names found by {@link HookMethods#in}, never null
     */
    public void run(Class<?> type, List<String> hooks) {
        runEach(type, hooks, Arguments.NONE);
    }

    /**
     * Runs the named static methods of a class that take a {@code List<Path>}, each within the patience, giving each
     * the same list of assets. Called as {@link #run} is.
     *
     * @param type a loaded class that declares the hooks, never null
     * @param hooks names found by {@link HookMethods#assetHooksIn}, never null
     * @param assets the absolute paths of the changed assets, never null
     */
    public void runWithAssets(Class<?> type, List<String> hooks, List<Path> assets) {
        runEach(type, hooks, Arguments.assets(assets));
    }

    private void runEach(Class<?> type, List<String> hooks, Arguments arguments) {
        for (String name : hooks) {
            String hook = type.getName() + "." + name + arguments.shown();
            if (SyncPointHandOff.atSyncPoint()) {
                runOnGameThread(type, name, hook, arguments);
                continue;
            }
            Future<?> running = thread.submit(new HookCall(type, name, hook, arguments));
            if (!awaitWithin(running, hook)) {
                return;
            }
        }
    }

    /**
     * Runs a hook at the synchronization point, on the game's thread, where its GL context lives: nothing can take it
     * back from there, so one that runs long is reported after it ends.
     */
    private void runOnGameThread(Class<?> type, String name, String hook, Arguments arguments) {
        long start = System.nanoTime();
        invoke(type, name, hook, arguments);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > patience.toMillis()) {
            reporter.error("hook " + hook + " ran for " + millis + " ms on the game's thread, which waited for it");
        }
    }

    /** {@return false when the waiting thread was interrupted, so no more hooks run now} */
    private boolean awaitWithin(Future<?> running, String hook) {
        try {
            running.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reporter.error("hook " + hook + " is still running after " + patience.toMillis() + " ms; later hooks"
                    + " and reloads go on without waiting for it (a hook should not wait on the game's locks or"
                    + " sleep)");
            // The stalled hook keeps its thread until it ends; the next hooks get a thread of their own.
            thread.shutdown();
            thread = newHookThread();
        } catch (ExecutionException e) {
            reporter.error("hook " + hook + " could not run (" + e.getCause() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    private void invoke(Class<?> type, String name, String hook, Arguments arguments) {
        MethodHandle added = null;
        try {
            added = addedByAReload(type, name + arguments.descriptor());
            if (added != null) {
                // A hook the edit added lives in the class's companion: the running class does not declare it.
                added.invokeWithArguments(arguments.values());
            } else {
                Method method = type.getDeclaredMethod(name, arguments.types());
                method.setAccessible(true);
                method.invoke(null, arguments.values());
            }
            reporter.debug("ran hook " + hook);
        } catch (InvocationTargetException e) {
            reporter.error("hook " + hook + " threw " + e.getCause() + where(e.getCause()));
        } catch (ReflectiveOperationException | LinkageError e) {
            reporter.error("hook " + hook + " could not run (" + e + ")");
        } catch (Throwable e) {
            // What a hook's own code throws when called through its handle, as when called by reflection.
            reporter.error("hook " + hook + " threw " + e + (added == null ? where(e) : whereInAddedCode(e)));
        }
    }

    /** {@return the hook's current version when a reload added it, else null} */
    private static MethodHandle addedByAReload(Class<?> type, String nameAndDescriptor) {
        // Until a structural edit puts the runtime on the boot class path, no reload has added a method, and
        // loading ClassLinks from the agent's own jar would make a second copy of it.
        return RuntimeJar.onBootClassPath() ? ClassLinks.of(type).implementation(nameAndDescriptor) : null;
    }

    private static ExecutorService newHookThread() {
        return Executors.newSingleThreadExecutor(new HookThreads());
    }

    /** Makes the hooks' daemon thread. A class of its own, not a lambda: the agent's start spins no lambda class. */
    private static final class HookThreads implements ThreadFactory {
        @Override
        public Thread newThread(Runnable task) {
            Thread hooks = new Thread(task, "reload-hooks");
            hooks.setDaemon(true);
            return hooks;
        }
    }

    /** One hook's call on the hooks' thread. A class of its own, not a lambda: the first hook would spin one. */
    private final class HookCall implements Runnable {
        private final Class<?> type;
        private final String name;
        private final String hook;
        private final Arguments arguments;

        HookCall(Class<?> type, String name, String hook, Arguments arguments) {
            this.type = type;
            this.name = name;
            this.hook = hook;
            this.arguments = arguments;
        }

        @Override
        public void run() {
            invoke(type, name, hook, arguments);
        }
    }

    /**
     * What a hook is called with: nothing, or the changed assets.
     *
     * @param descriptor the hook's method descriptor, as a companion keys it
     * @param shown how the report shows the parameters
     */
    private record Arguments(String descriptor, List<Class<?>> parameterTypes, List<Object> arguments, String shown) {
        static final Arguments NONE = new Arguments("()V", List.of(), List.of(), "()");

        static Arguments assets(List<Path> assets) {
            return new Arguments(HookMethods.ASSET_PARAMETERS + "V", List.of(List.class), List.of(List.copyOf(assets)),
                    "(List<Path>)");
        }

        Class<?>[] types() {
            return parameterTypes.toArray(new Class<?>[0]);
        }

        Object[] values() {
            return arguments.toArray();
        }
    }

    private static String where(Throwable thrown) {
        StackTraceElement[] trace = thrown.getStackTrace();
        return trace.length == 0 ? "" : " at " + trace[0];
    }

    /**
     * {@return where a hook that a reload added threw} Such a hook runs from a hidden class, whose frames the JVM leaves
     * out of stack traces: when nothing above the agent's own call is left, the first frame would point at the JDK's
     * method handles, so the line says where the frames went instead.
     */
    private static String whereInAddedCode(Throwable thrown) {
        StackTraceElement[] trace = thrown.getStackTrace();
        if (trace.length > 0 && !trace[0].getClassName().startsWith(METHOD_HANDLES_PACKAGE)) {
            return " at " + trace[0];
        }
        return " in code a reload added, which the JVM leaves out of stack traces (run with"
                + " -XX:+UnlockDiagnosticVMOptions -XX:+ShowHiddenFrames to see it)";
    }
}
