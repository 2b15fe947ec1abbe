package dev.reload.agent.structural;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
            "dev/reload/runtime/AddedFields$ValueVisitor.class",
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
    /** How many names {@link #create} tries before it gives up: each clash is another file of that very name. */
    private static final int ATTEMPTS = 100;

    private RuntimeJar() {
    }

    /**
     * Writes the runtime classes into a small jar in the temporary directory and appends it to the boot class
     * path, unless they are there already; then deletes the jars that killed runs left there ({@link LeftBehindJars}).
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
        Path directory = Path.of(System.getProperty("java.io.tmpdir"));
        LeftBehindJars leftBehind = new LeftBehindJars(Path.of("/proc"));
        String processId = leftBehind.ownId();
        try {
            // "x" keeps a time stamp from ever reading as a process id, whose jar a later run would delete.
            Path jar = create(directory, processId != null ? processId : "x" + Long.toHexString(System.nanoTime()));
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the runtime jar", e);
        }
        if (processId != null) {
            leftBehind.deleteInBackground(directory, processId);
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

    /**
     * {@return a new jar of the runtime classes in {@code directory}, named with {@code stamp} and the first
     * number not taken, deleted when the JVM exits}. Not
     * {@code Files.createTempFile}: its random name draws {@code SecureRandom} and about 60 {@code java.security}
     * classes into the program, which every later redefinition walks. {@code CREATE_NEW} makes the name safe to
     * guess: it never opens a file or link that is there already, and a clash tries the next name.
     *
     * @param directory where to write it, never null
     * @param stamp what tells this JVM's jar from others' in the name: its process id where the OS lists processes
     *              ({@link LeftBehindJars}); never null
     * @throws IOException when it cannot be written, or {@value #ATTEMPTS} names were taken
     */
    static Path create(Path directory, String stamp) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path jar = directory.resolve(LeftBehindJars.PREFIX + stamp + "-" + attempt + ".jar");
            try {
                write(jar);
                return jar;
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static void write(Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            // Before the first byte: a jar half written when the JVM stops is deleted too.
            jar.toFile().deleteOnExit();
            writeEntries(file);
        }
    }

    private static void writeEntries(OutputStream file) throws IOException {
        try (JarOutputStream out = new JarOutputStream(file)) {
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
