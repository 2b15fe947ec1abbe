package dev.reload.agent.compile;

import dev.reload.agent.watch.ContentHash;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compile mode's answer to sources of classes that are not loaded yet: their compiled class files wait here, and
 * when such a class loads, from exactly the class file that was on disk when its source was compiled, the JVM gets
 * the compiled version instead. A class file the build has written since is loaded as it is. Registered before the
 * agent's observers, so they see the compiled version as the class's own. Never throws, never loads classes.
 */
public final class CompiledForLater implements ClassFileTransformer {
    /** Internal name to the compiled class and the hash of the stale class file it replaces. */
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    @SuppressWarnings("ReturnValueIgnored") // called only to load the classes now
    public CompiledForLater() {
        // Loaded now: loading it inside transform() would recurse into this transformer.
        new Waiting(0, new byte[0]).getClass();
        ContentHash.of(new byte[1]);
    }

    /**
     * Keeps a compiled class for when it loads.
     *
     * @param internalName the class, never null
     * @param staleFileHash the {@link ContentHash} of the class file the program would load instead
     * @param bytes the compiled class file, never null; not to be modified
     */
    public void keep(String internalName, long staleFileHash, byte[] bytes) {
        waiting.put(internalName, new Waiting(staleFileHash, bytes));
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classfileBuffer) {
        if (waiting.isEmpty() || className == null || loader == null || classBeingRedefined != null) {
            return null;
        }
        Waiting compiled = waiting.get(className);
        if (compiled == null || ContentHash.of(classfileBuffer) != compiled.staleFileHash) {
            return null;
        }
        return compiled.bytes.clone();
    }

    private record Waiting(long staleFileHash, byte[] bytes) {
    }
}
