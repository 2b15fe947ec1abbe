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
 * The call cost of a method named through an abstract class to which a reload added an implementation of the
 * abstract method it inherits, against the same class with that implementation compiled in: the fixture
 * {@code abstract-cost} as a {@link ReloadedFixture}. {@code Monster} gains {@code step(int)}, implementing
 * {@code Unit}'s, and its new {@code applyAsInt} calls it named through itself, a call that links to the added
 * method's dispatch and reaches {@code Ogre}'s own {@code step}; {@code Beast} and {@code Troll} are the same classes
 * compiled so, whose call is a plain virtual one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AbstractImplementationBenchmark {
    private static final String FIXTURE = "fixture.abstractcost.";

    private ReloadedFixture fixture;
    private IntUnaryOperator troll;
    private IntUnaryOperator ogre;
    private int argument;

    @Setup
    public void setUp() throws IOException, ReflectiveOperationException, InterruptedException {
        fixture = ReloadedFixture.open();
        troll = fixture.instance(FIXTURE + "Troll");
        ogre = fixture.instance(FIXTURE + "Ogre");
        fixture.reload(ogre, FIXTURE + "Monster");
    }

    @TearDown
    public void tearDown() throws IOException {
        fixture.close();
    }

    @Benchmark
    public int compiledIn() {
        return troll.applyAsInt(argument++);
    }

    @Benchmark
    public int addedToAbstractClass() {
        return ogre.applyAsInt(argument++);
    }
}
