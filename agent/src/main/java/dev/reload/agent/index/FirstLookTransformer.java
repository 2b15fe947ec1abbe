package dev.reload.agent.index;

import java.lang.instrument.ClassFileTransformer;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.HashMap;
import java.util.Map;

/**
 * Sees a class's bytes before other agents' retransformable transformers, to remember the class file as it came
 * from disk, and makes the agent's own {@link LoadTimeChange} to it. Registered without retransformation, so it
 * runs before every transformer registered with it, including the {@link CaptureTransformer}, which compares the
 * final bytes with what this transformer returned. Hashes nothing: that waits until loading pauses.
 */
final class FirstLookTransformer implements ClassFileTransformer {
    private final ClassOrigins origins;
    private final LoadTimeChange change;
    /**
     * Per thread, because one class's transformers run on the thread that defines it, possibly nested. Not made with
     * a lambda, which would load dozens of classes before the program's {@code main}.
     */
    @SuppressWarnings("ThreadLocalUsage") // one per transformer, and the agent makes one
    private final ThreadLocal<Map<String, Loading>> loading = new ThreadLocal<>() {
        @Override
        protected Map<String, Loading> initialValue() {
            return new HashMap<>();
        }
    };

    FirstLookTransformer(ClassOrigins origins, LoadTimeChange change) {
        this.origins = origins;
        this.change = change;
    }

    /**
     * One watched class as it loads.
     *
     * @param directory the watched directory whose {@code ClassFiles.fileOf} the class comes from, never null
     * @param original the class file as it came from disk, never null
     * @param own the bytes this transformer returned, after the agent's own change; {@code original} when none
     */
    record Loading(Path directory, byte[] original, byte[] own) {
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classfileBuffer) {
        try {
            if (className != null && loader != null && classBeingRedefined == null) {
                Path directory = origins.directoryOf(className, domain);
                if (directory != null) {
                    byte[] changed = change.apply(loader, className, classfileBuffer);
                    loading.get().put(className, new Loading(directory, classfileBuffer, changed));
                    return changed == classfileBuffer ? null : changed;
                }
            }
        } catch (RuntimeException e) {
            // Never change how the program's classes load; the capture then uses the final bytes.
        }
        return null;
    }

    /** {@return what this transformer saw of the class loading on this thread, or null if it missed it} */
    Loading take(String className) {
        return loading.get().remove(className);
    }
}
