package dev.reload.agent.structural;

import java.lang.instrument.Instrumentation;
import java.util.function.Supplier;

/**
 * Every class the JVM has loaded, asked for at most once per batch and only when a rare edit needs them (a method
 * added to an interface, or one that a subclass overrode before). A named class, not
 * {@code instrumentation::getAllLoadedClasses}: that would spin a lambda class at the first structural edit, which
 * every later redefinition walks. Not thread-safe: one batch's preparation, on the reload thread.
 */
final class LoadedClasses implements Supplier<Class<?>[]> {
    private final Instrumentation instrumentation;
    private Class<?>[] loaded;

    LoadedClasses(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    @Override
    public Class<?>[] get() {
        if (loaded == null) {
            loaded = instrumentation.getAllLoadedClasses();
        }
        return loaded;
    }
}
