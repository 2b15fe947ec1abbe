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
 * The call cost of interface methods a reload touched, against the same method compiled in and called through its
 * interface: the fixture {@code interface-cost} as a {@link ReloadedFixture}. Each class calls {@code step} through
 * an interface: {@code Stepped} through {@code Stepping}, which has it compiled in; {@code Grown} through
 * {@code Growing}, to which the reload adds it (abstract, implemented by {@code Grown} in the same save);
 * {@code Overriding} through {@code Defaulted}, whose default method the reload overrides in {@code Overriding};
 * {@code Inheriting} through {@code Defaulted} too, inheriting the default, which that override made dispatch. The
 * {@link AsCompiled} state leaves the program as it loaded; {@link Reloaded} applies both edits first.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InterfaceDispatchBenchmark {
    private static final String FIXTURE = "fixture.interfacecost.";

    /** The program as compiled: no reload touched any interface. */
    @State(Scope.Benchmark)
    public static class AsCompiled {
        ReloadedFixture fixture;
        IntUnaryOperator stepped;
        IntUnaryOperator inheriting;
        int argument;

        @Setup
        public void open() throws IOException, ReflectiveOperationException {
            fixture = ReloadedFixture.open();
            stepped = fixture.instance(FIXTURE + "Stepped");
            inheriting = fixture.instance(FIXTURE + "Inheriting");
        }

        @TearDown
        public void close() throws IOException {
            fixture.close();
        }
    }

    /** The program after a reload added {@code Growing.step} and one that overrode {@code Defaulted.step}. */
    @State(Scope.Benchmark)
    public static class Reloaded {
        final AsCompiled program = new AsCompiled();
        IntUnaryOperator grown;
        IntUnaryOperator overriding;

        @Setup
        public void reload() throws IOException, ReflectiveOperationException, InterruptedException {
            program.open();
            grown = program.fixture.instance(FIXTURE + "Grown");
            overriding = program.fixture.instance(FIXTURE + "Overriding");
            program.fixture.reload(grown, FIXTURE + "Growing");
            program.fixture.reload(overriding);
        }

        @TearDown
        public void close() throws IOException {
            program.close();
        }
    }

    @Benchmark
    public int compiledIn(AsCompiled state) {
        return state.stepped.applyAsInt(state.argument++);
    }

    @Benchmark
    public int addedToInterface(Reloaded state) {
        return state.grown.applyAsInt(state.program.argument++);
    }

    @Benchmark
    public int defaultOverridden(Reloaded state) {
        return state.overriding.applyAsInt(state.program.argument++);
    }

    @Benchmark
    public int untouchedAfterReloads(Reloaded state) {
        return state.program.stepped.applyAsInt(state.program.argument++);
    }

    @Benchmark
    public int inheritedDefault(AsCompiled state) {
        return state.inheriting.applyAsInt(state.argument++);
    }

    @Benchmark
    public int inheritedDefaultAfterOverride(Reloaded state) {
        return state.program.inheriting.applyAsInt(state.program.argument++);
    }
}
