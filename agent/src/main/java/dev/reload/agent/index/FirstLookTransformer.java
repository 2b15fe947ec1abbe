package dev.reload.agent.index;

import dev.reload.agent.watch.ContentHash;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.HashMap;
import java.util.Map;

/**
 * Sees a class's bytes before other agents' retransformable transformers, to remember the hash of the class
 * file as it came from disk. Registered without retransformation, so it runs before every transformer
 * registered with it, including the {@link CaptureTransformer}, which compares the final bytes with it.
 * Only observes: always returns null.
 */
final class FirstLookTransformer implements ClassFileTransformer {
    private final ClassOrigins origins;
    /** Per thread, because one class's transformers run on the thread that defines it, possibly nested. */
    private final ThreadLocal<Map<String, Long>> originalHashes = ThreadLocal.withInitial(HashMap::new);

    FirstLookTransformer(ClassOrigins origins) {
        this.origins = origins;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classfileBuffer) {
        try {
            if (className != null && loader != null && classBeingRedefined == null
                    && origins.classFileOf(className, domain) != null) {
                originalHashes.get().put(className, ContentHash.of(classfileBuffer));
            }
        } catch (RuntimeException e) {
            // Observing must never change how the program's classes load; the capture then uses the final bytes.
        }
        return null;
    }

    /** {@return the hash the class file had before other agents changed it, or null if this transformer missed it} */
    Long takeOriginalHash(String className) {
        return originalHashes.get().remove(className);
    }
}
