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
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

/**
 * The call cost of a method a reload widened from package access to public, against a method public as compiled:
 * the fixture {@code widened-cost} as a {@link ReloadedFixture}. The widened declaration dispatches on the receiver's
 * class (a subclass in another package could now override it), so every call pays that dispatch whether or not such
 * a subclass exists. Measured from the class itself ({@code Widened.applyAsInt} calls {@code step}, against
 * {@code Compiled}) and from another package ({@code CallsWidened}, a class of the save loaded after it, whose call
 * links through the agent's runtime, against {@code CallsCompiled}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WidenedDispatchBenchmark {
    private static final String FIXTURE = "fixture.widenedcost.";

    private ReloadedFixture fixture;
    private IntUnaryOperator compiled;
    private IntUnaryOperator callsCompiled;
    private IntUnaryOperator widened;
    private IntUnaryOperator callsWidened;
    private int argument;

    @Setup
    public void setUp() throws IOException, ReflectiveOperationException, InterruptedException {
        fixture = ReloadedFixture.open();
        compiled = fixture.instance(FIXTURE + "Compiled");
        callsCompiled = fixture.instance(FIXTURE + "other.CallsCompiled");
        widened = fixture.instance(FIXTURE + "Widened");
        fixture.reload(widened, FIXTURE + "other.CallsWidened");
        callsWidened = fixture.instance(FIXTURE + "other.CallsWidened");
    }

    @TearDown
    public void tearDown() throws IOException {
        fixture.close();
    }

    @Benchmark
    public int compiledIn() {
        return compiled.applyAsInt(argument++);
    }

    @Benchmark
    public int widenedByReload() {
        return widened.applyAsInt(argument++);
    }

    @Benchmark
    public int compiledInFromAnotherPackage() {
        return callsCompiled.applyAsInt(argument++);
    }

    @Benchmark
    public int widenedByReloadFromAnotherPackage() {
        return callsWidened.applyAsInt(argument++);
    }
}
