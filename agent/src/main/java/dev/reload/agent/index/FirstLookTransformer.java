package dev.reload.agent.index;

import dev.reload.agent.watch.ContentHash;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.HashMap;
import java.util.Map;

/**
 * Sees a class's bytes before other agents' retransformable transformers, to remember the hash of the class
 * file as it came from disk, and makes the agent's own {@link LoadTimeChange} to it. Registered without
 * retransformation, so it runs before every transformer registered with it, including the
 * {@link CaptureTransformer}, which compares the final bytes with what this transformer returned.
 */
final class FirstLookTransformer implements ClassFileTransformer {
    private final ClassOrigins origins;
    private final LoadTimeChange change;
    /** Per thread, because one class's transformers run on the thread that defines it, possibly nested. */
    private final ThreadLocal<Map<String, Hashes>> originalHashes = ThreadLocal.withInitial(HashMap::new);

    FirstLookTransformer(ClassOrigins origins, LoadTimeChange change) {
        this.origins = origins;
        this.change = change;
    }

    /**
     * The hashes of one class as it loads.
     *
     * @param file the {@link ContentHash} of the class file as it came from disk
     * @param own the hash of the bytes this transformer returned, after the agent's own change
     */
    record Hashes(long file, long own) {
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classfileBuffer) {
        try {
            if (className != null && loader != null && classBeingRedefined == null
                    && origins.classFileOf(className, domain) != null) {
                long file = ContentHash.of(classfileBuffer);
                byte[] changed = change.apply(loader, className, classfileBuffer);
                boolean same = changed == classfileBuffer;
                originalHashes.get().put(className, new Hashes(file, same ? file : ContentHash.of(changed)));
                return same ? null : changed;
            }
        } catch (RuntimeException e) {
            // Never change how the program's classes load; the capture then uses the final bytes.
        }
        return null;
    }

    /** {@return the hashes of the class as it came from disk and after the agent's change, or null if missed} */
    Hashes takeOriginalHashes(String className) {
        return originalHashes.get().remove(className);
    }
}
