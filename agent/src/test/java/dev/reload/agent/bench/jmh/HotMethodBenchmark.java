package dev.reload.agent.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** Throughput of the hot method of a never-edited class; forked with and without reload-agent by the steady-state section. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HotMethodBenchmark {
    private Particles particles;

    @Setup
    public void setUp() {
        particles = new Particles(256);
    }

    @Benchmark
    public double particlesStep() {
        return particles.step(0.016);
    }
}
