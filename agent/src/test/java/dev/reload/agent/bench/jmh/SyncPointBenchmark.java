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
 * The cost of a sync point when no batch is ready: the fixture {@code sync-cost} in a JVM whose agent runs with
 * {@code sync=fixture.synccost.Ticked.applyAsInt}, so {@code Ticked.applyAsInt} starts with the call the agent puts
 * there, against {@code Plain}, the same code without it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SyncPointBenchmark {
    private ReloadedFixture fixture;
    private IntUnaryOperator plain;
    private IntUnaryOperator ticked;
    private int argument;

    @Setup
    public void setUp() throws IOException, ReflectiveOperationException {
        fixture = ReloadedFixture.open();
        plain = fixture.instance("fixture.synccost.Plain");
        ticked = fixture.instance("fixture.synccost.Ticked");
    }

    @TearDown
    public void tearDown() throws IOException {
        fixture.close();
    }

    @Benchmark
    public int withoutSyncPoint() {
        return plain.applyAsInt(argument++);
    }

    @Benchmark
    public int withSyncPoint() {
        return ticked.applyAsInt(argument++);
    }
}
