package dev.reload.agent.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

/**
 * The call cost of a method that a reload added, and so moved to a companion class, against the same method
 * compiled into a never-edited class. Runs in a JVM started with reload-agent watching
 * {@code DIR/live} (the system property {@value #DIRECTORY}), where the fixture {@code call-cost} v1 is
 * compiled, and {@code DIR/v2} holding v2: the set-up loads both classes, writes v2's {@code Moved} over the
 * live one as a build would, and waits until the running class calls its new helper.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MovedMethodBenchmark {
    /**
     * The system property naming the directory that holds {@code live} and {@code v2}; not {@code reload.*},
     * which the agent reads as its options.
     */
    public static final String DIRECTORY = "callCost.directory";
    private static final String CLASS_FILE = "fixture/cost/Moved.class";
    private static final long RELOAD_TIMEOUT_MS = 30_000;

    private URLClassLoader loader;
    private IntUnaryOperator original;
    private IntUnaryOperator moved;
    private int argument;

    @Setup
    public void setUp() throws IOException, ReflectiveOperationException, InterruptedException {
        Path directory = Path.of(System.getProperty(DIRECTORY));
        loader = new URLClassLoader(new URL[] {directory.resolve("live").toUri().toURL()},
                MovedMethodBenchmark.class.getClassLoader());
        original = instance("fixture.cost.Original");
        moved = instance("fixture.cost.Moved");
        Files.copy(directory.resolve("v2").resolve(CLASS_FILE), directory.resolve("live").resolve(CLASS_FILE),
                StandardCopyOption.REPLACE_EXISTING);
        long deadline = System.currentTimeMillis() + RELOAD_TIMEOUT_MS;
        // v1 returns -1; v2 calls the moved helper, which never does for a non-negative argument.
        while (moved.applyAsInt(0) == -1) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("reload-agent did not reload " + CLASS_FILE + " within "
                        + RELOAD_TIMEOUT_MS + " ms; is it attached and watching " + directory.resolve("live") + "?");
            }
            Thread.sleep(10);
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        loader.close();
    }

    @Benchmark
    public int original() {
        return original.applyAsInt(argument++);
    }

    @Benchmark
    public int moved() {
        return moved.applyAsInt(argument++);
    }

    private IntUnaryOperator instance(String binaryName) throws ReflectiveOperationException {
        return (IntUnaryOperator) loader.loadClass(binaryName).getConstructor().newInstance();
    }
}
