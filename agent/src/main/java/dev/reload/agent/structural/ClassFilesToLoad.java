package dev.reload.agent.structural;

import dev.reload.patcher.shape.ClassShape;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The classes a loader has not loaded yet, as the class files it would load them from: a class new in a batch
 * ({@code Wisp}) that the batch's new code names in a call of a method the batch adds to its superclass
 * ({@code new Wisp().pick("w")} compiles to {@code Wisp.pick}) is followed up its superclasses from its file, as the
 * JVM will resolve that call once it loads (JVMS 5.4.3.3). Each file is read at most once per instance; not
 * thread-safe, made per link.
 */
final class ClassFilesToLoad {
    /** The JDK's classes never extend a watched class, and are never read for it. */
    private static final String JDK_PACKAGES = "java/";

    private final ClassLoader loader;
    private final Map<String, Optional<ClassShape>> read = new HashMap<>();

    /**
     * @param loader the loader the names are seen from, or null for none (nothing is read then)
     */
    ClassFilesToLoad(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * {@return the shape of the class file the loader would load for the name, or null when it finds none or
     * cannot read it}
     *
     * @param internalName the class's internal name, never null
     */
    ClassShape shape(String internalName) {
        if (loader == null || internalName.startsWith(JDK_PACKAGES)) {
            return null;
        }
        return read.computeIfAbsent(internalName, this::readShape).orElse(null);
    }

    private Optional<ClassShape> readShape(String internalName) {
        try {
            URL resource = loader.getResource(internalName + ".class");
            if (resource == null) {
                return Optional.empty();
            }
            try (InputStream in = resource.openStream()) {
                return Optional.ofNullable(AbstractImplementations.shapeOrNull(in.readAllBytes()));
            }
        } catch (IOException | RuntimeException e) {
            // A file being written or a loader that throws: the call stays as compiled, as before this lookup.
            return Optional.empty();
        }
    }
}
