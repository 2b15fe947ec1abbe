package dev.reload.agent.hook;

import dev.reload.agent.report.Reporter;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Runs {@code OnReload} hooks after a batch, one after the other on the reload thread. A hook that throws
 * is reported with its exception and where it was thrown; the other hooks still run.
 */
public final class HookRunner {
    private final Reporter reporter;

    /** @param reporter where failing hooks are reported, never null */
    public HookRunner(Reporter reporter) {
        this.reporter = reporter;
    }

    /**
     * Runs the named static no-argument methods of a class.
     *
     * @param type the class that was reloaded, never null
     * @param hooks names found by {@link HookMethods#in}, never null
     */
    public void run(Class<?> type, List<String> hooks) {
        for (String name : hooks) {
            String hook = type.getName() + "." + name + "()";
            try {
                Method method = type.getDeclaredMethod(name);
                method.setAccessible(true);
                method.invoke(null);
                reporter.debug("ran hook " + hook);
            } catch (InvocationTargetException e) {
                reporter.error("hook " + hook + " threw " + e.getCause() + where(e.getCause()));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                reporter.error("hook " + hook + " could not run (" + e + ")");
            }
        }
    }

    private static String where(Throwable thrown) {
        StackTraceElement[] trace = thrown.getStackTrace();
        return trace.length == 0 ? "" : " at " + trace[0];
    }
}
