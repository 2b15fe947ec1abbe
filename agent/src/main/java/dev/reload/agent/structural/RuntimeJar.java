package dev.reload.agent.structural;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the runtime classes ({@code dev.reload.runtime}) on the boot class path, so that rewritten classes of
 * every class loader link through the same registry. Must run before anything loads a runtime class from the
 * agent jar: the copy the system class loader would load is a different class.
 */
public final class RuntimeJar {
    /** The runtime's class files, as resources of the agent. */
    static final List<String> CLASS_FILES = List.of(
            "dev/reload/runtime/AddedFields.class",
            "dev/reload/runtime/AddedFields$Registry.class",
            "dev/reload/runtime/ClassLinks.class",
            "dev/reload/runtime/ClassLinks$Registry.class",
            "dev/reload/runtime/DispatchChain.class",
            "dev/reload/runtime/FieldOpcodes.class",
            "dev/reload/runtime/FieldValue.class",
            "dev/reload/runtime/Implementations.class",
            "dev/reload/runtime/LambdaFactories.class",
            "dev/reload/runtime/LambdaFactories$Sites.class",
            "dev/reload/runtime/Linkage.class",
            "dev/reload/runtime/NestAccess.class",
            "dev/reload/runtime/NewObjects.class",
            "dev/reload/runtime/OverrideChoices.class",
            "dev/reload/runtime/OverrideChoices$OverrideSlot.class",
            "dev/reload/runtime/OverrideChoices$Overrides.class",
            "dev/reload/runtime/OverrideDispatch.class",
            "dev/reload/runtime/OverrideDispatch$Registry.class",
            "dev/reload/runtime/SideTable.class",
            "dev/reload/runtime/SideTable$Entry.class",
            "dev/reload/runtime/SideTable$ForeignTables.class",
            "dev/reload/runtime/StaticCell.class",
            "dev/reload/runtime/SuperCalls.class",
            "dev/reload/runtime/SuperCalls$SuperCall.class",
            "dev/reload/runtime/SyncPoint.class");

    private static final String PROBE = "dev.reload.runtime.Linkage";

    private RuntimeJar() {
    }

    /**
     * Writes the runtime classes into a small jar in the temporary directory and appends it to the boot class
     * path, unless they are there already.
     *
     * @param instrumentation the agent's instrumentation, never null
     * @throws IllegalStateException when a runtime class was loaded from elsewhere before
     */
    public static synchronized void install(Instrumentation instrumentation) {
        if (onBootClassPath()) {
            return;
        }
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (loaded.getName().startsWith("dev.reload.runtime.")) {
                throw new IllegalStateException(loaded.getName() + " was loaded by " + loaded.getClassLoader()
                        + " before the agent put it on the boot class path");
            }
        }
        try {
            Path jar = Files.createTempFile("reload-runtime", ".jar");
            jar.toFile().deleteOnExit();
            write(jar);
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the runtime jar", e);
        }
    }

    /** {@return true when the boot class loader finds the runtime classes} */
    public static boolean onBootClassPath() {
        try {
            return Class.forName(PROBE, false, null).getClassLoader() == null;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void write(Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String name : CLASS_FILES) {
                try (InputStream in = RuntimeJar.class.getClassLoader().getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IOException("the agent lacks its runtime class " + name);
                    }
                    out.putNextEntry(new JarEntry(name));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
    }
}
