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
 * final bytes with what this transformer returned when it is registered for the whole run; otherwise no other
 * transformer changes the class after this one, and it hands the capture its own bytes as the final ones. Hashes
 * nothing: that waits until loading pauses.
 */
final class FirstLookTransformer implements ClassFileTransformer {
    private final ClassOrigins origins;
    private final LoadTimeChange change;
    private final CaptureTransformer.Registration registration;
    private final CaptureTransformer capture;
    /**
     * What the capture, registered for the whole run, takes from this transformer. Per thread, because one class's transformers run on the thread that defines it, possibly nested. Not made with
     * a lambda, which would load dozens of classes before the program's {@code main}.
     */
    @SuppressWarnings("ThreadLocalUsage") // one per transformer, and the agent makes one
    private final ThreadLocal<Map<String, Loading>> loading = new ThreadLocal<>() {
        @Override
        protected Map<String, Loading> initialValue() {
            return new HashMap<>();
        }
    };

    /**
     * @param registration how {@code capture} is registered, so who records the class, never null
     * @param capture the capture this first look hands each class to, never null
     */
    FirstLookTransformer(ClassOrigins origins, LoadTimeChange change, CaptureTransformer.Registration registration,
                         CaptureTransformer capture) {
        this.origins = origins;
        this.change = change;
        this.registration = registration;
        this.capture = capture;
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
                    byte[] changed = change.apply(module, loader, className, classfileBuffer);
                    Loading seen = new Loading(directory, classfileBuffer, changed);
                    if (registration == CaptureTransformer.Registration.WHOLE_RUN) {
                        loading.get().put(className, seen);
                    } else {
                        capture.loaded(loader, className, seen);
                    }
                    return changed == classfileBuffer ? null : changed;
                }
            }
        } catch (RuntimeException e) {
            // Never change how the program's classes load. The capture, registered for the whole run, then uses the
            // final bytes; otherwise the class is not tracked (the load-time change contains its own failures).
        }
        return null;
    }

    /** {@return what this transformer saw of the class loading on this thread, or null if it missed it} */
    Loading take(String className) {
        return loading.get().remove(className);
    }
}
