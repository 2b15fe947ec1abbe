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
 * The cost of a read and a write of a field that a reload added, and so keeps in the agent's runtime (a cell for
 * a static field, a table by object identity for an instance field), against the same field compiled into a
 * never-edited class: the fixture {@code field-cost} as a {@link ReloadedFixture}. Each call does
 * {@code total += x; return total;}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AddedFieldBenchmark {
    private ReloadedFixture fixture;
    private IntUnaryOperator realField;
    private IntUnaryOperator addedField;
    private IntUnaryOperator realStaticField;
    private IntUnaryOperator addedStaticField;
    private int argument;

    @Setup
    public void setUp() throws IOException, ReflectiveOperationException, InterruptedException {
        fixture = ReloadedFixture.open();
        realField = fixture.instance("fixture.fieldcost.RealField");
        addedField = fixture.instance("fixture.fieldcost.AddedField");
        realStaticField = fixture.instance("fixture.fieldcost.RealStaticField");
        addedStaticField = fixture.instance("fixture.fieldcost.AddedStaticField");
        fixture.reload(addedField);
        fixture.reload(addedStaticField);
    }

    @TearDown
    public void tearDown() throws IOException {
        fixture.close();
    }

    @Benchmark
    public int realField() {
        return realField.applyAsInt(argument++);
    }

    @Benchmark
    public int addedField() {
        return addedField.applyAsInt(argument++);
    }

    @Benchmark
    public int realStaticField() {
        return realStaticField.applyAsInt(argument++);
    }

    @Benchmark
    public int addedStaticField() {
        return addedStaticField.applyAsInt(argument++);
    }
}
