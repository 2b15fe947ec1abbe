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
 * The call cost of a method that a reload added, and so moved to a companion class, against the same method
 * compiled into a never-edited class: the fixture {@code call-cost} as a {@link ReloadedFixture}, whose
 * {@code Moved} v2 calls the helper {@code Original} was compiled with.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MovedMethodBenchmark {
    private ReloadedFixture fixture;
    private IntUnaryOperator original;
    private IntUnaryOperator moved;
    private int argument;

    @Setup
    public void setUp() throws IOException, ReflectiveOperationException, InterruptedException {
        fixture = ReloadedFixture.open();
        original = fixture.instance("fixture.cost.Original");
        moved = fixture.instance("fixture.cost.Moved");
        fixture.reload(moved);
    }

    @TearDown
    public void tearDown() throws IOException {
        fixture.close();
    }

    @Benchmark
    public int original() {
        return original.applyAsInt(argument++);
    }

    @Benchmark
    public int moved() {
        return moved.applyAsInt(argument++);
    }
}
