package dev.reload.agent.bench.jmh;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.IntUnaryOperator;

/**
 * A fixture of the member-cost benchmarks, loaded from {@code DIR/live} (where version 1 is compiled and
 * reload-agent watches) in a class loader of its own, with version 2 in {@code DIR/v2}; {@code DIR} is the system
 * property {@value #DIRECTORY}. Its classes implement {@link IntUnaryOperator}: version 1 of an edited class returns
 * -1, version 2 never does for the argument 0.
 */
public final class ReloadedFixture implements AutoCloseable {
    /**
     * The system property naming the directory that holds {@code live} and {@code v2}; not {@code reload.*},
     * which the agent reads as its options.
     */
    public static final String DIRECTORY = "memberCost.directory";
    private static final long RELOAD_TIMEOUT_MS = 30_000;

    private final Path directory;
    private final URLClassLoader loader;

    private ReloadedFixture(Path directory) throws IOException {
        this.directory = directory;
        this.loader = new URLClassLoader(new URL[] {directory.resolve("live").toUri().toURL()},
                ReloadedFixture.class.getClassLoader());
    }

    /** {@return the fixture of the directory this JVM was given} */
    public static ReloadedFixture open() throws IOException {
        return new ReloadedFixture(Path.of(System.getProperty(DIRECTORY)));
    }

    /** {@return a new instance of one of the fixture's classes, by binary name} */
    public IntUnaryOperator instance(String binaryName) throws ReflectiveOperationException {
        return (IntUnaryOperator) loader.loadClass(binaryName).getConstructor().newInstance();
    }

    /**
     * Writes version 2 of the class of {@code edited}, and of the other classes named, over the live ones, as a build
     * would (within one quiet period, so the agent applies them as one batch), and waits until the running object
     * answers with the new code.
     *
     * @param alsoEdited binary names of classes saved with it, such as an interface that gains the method it implements
     */
    public void reload(IntUnaryOperator edited, String... alsoEdited) throws IOException, InterruptedException {
        String classFile = classFile(edited.getClass().getName());
        copyVersion2(classFile);
        for (String other : alsoEdited) {
            copyVersion2(classFile(other));
        }
        long deadline = System.currentTimeMillis() + RELOAD_TIMEOUT_MS;
        while (edited.applyAsInt(0) == -1) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("reload-agent did not reload " + classFile + " within "
                        + RELOAD_TIMEOUT_MS + " ms; is it attached and watching " + directory.resolve("live") + "?");
            }
            Thread.sleep(10);
        }
    }

    private void copyVersion2(String classFile) throws IOException {
        Files.copy(directory.resolve("v2").resolve(classFile), directory.resolve("live").resolve(classFile),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static String classFile(String binaryName) {
        return binaryName.replace('.', '/') + ".class";
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
