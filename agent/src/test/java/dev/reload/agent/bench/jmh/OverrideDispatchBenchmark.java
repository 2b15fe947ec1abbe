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
 * The call cost of an override a reload added to a subclass, reached through its superclass's declaration made to
 * dispatch on the receiver's class, against the same override compiled in and called virtually: the fixture
 * {@code override-cost} as a {@link ReloadedFixture}, whose {@code Overriding} v2 adds the override
 * {@code Compiled} was compiled with; both are called through {@code Base.applyAsInt}, which calls {@code step}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OverrideDispatchBenchmark {
    private ReloadedFixture fixture;
    private IntUnaryOperator compiled;
    private IntUnaryOperator overriding;
    private int argument;

    @Setup
    public void setUp() throws IOException, ReflectiveOperationException, InterruptedException {
        fixture = ReloadedFixture.open();
        compiled = fixture.instance("fixture.overridecost.Compiled");
        overriding = fixture.instance("fixture.overridecost.Overriding");
        fixture.reload(overriding);
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
    public int addedOverride() {
        return overriding.applyAsInt(argument++);
    }
}
