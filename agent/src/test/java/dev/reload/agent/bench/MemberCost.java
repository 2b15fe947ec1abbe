package dev.reload.agent.bench;

import dev.reload.agent.bench.jmh.AbstractImplementationBenchmark;
import dev.reload.agent.bench.jmh.AddedFieldBenchmark;
import dev.reload.agent.bench.jmh.InterfaceDispatchBenchmark;
import dev.reload.agent.bench.jmh.MovedMethodBenchmark;
import dev.reload.agent.bench.jmh.OverrideDispatchBenchmark;
import dev.reload.agent.bench.jmh.SyncPointBenchmark;
import dev.reload.agent.bench.jmh.WidenedDispatchBenchmark;
import dev.reload.agent.bench.jmh.ReloadedFixture;
import dev.reload.fixtures.harness.AgentJar;
import dev.reload.fixtures.harness.FixtureCompiler;
import dev.reload.fixtures.harness.Fixtures;
import dev.reload.fixtures.harness.Jdks;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.ListStatistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Prints, for every test JDK, the JMH average time of code that uses a member a reload added against the same code
 * using a member compiled in: a method moved to a companion class ({@link MovedMethodBenchmark}), an override added
 * to a subclass and called through its superclass ({@link OverrideDispatchBenchmark}), a method added to an
 * interface, an override of a default method and that default inherited elsewhere, each called through its interface,
 * and an interface no reload touched ({@link InterfaceDispatchBenchmark}), a method widened from package access to
 * public, called from its class and from another package ({@link WidenedDispatchBenchmark}), an implementation of
 * an inherited abstract method added to an abstract class ({@link AbstractImplementationBenchmark}), an instance field
 * and a static field kept in the agent's runtime ({@link AddedFieldBenchmark}); and a method with a sync point
 * when no batch is ready against the same method without one ({@link SyncPointBenchmark}). Each benchmark runs in its own JVM
 * forked with reload-agent watching a fresh directory, the original and the reloaded one in turn (the number of
 * forks of each is the first argument, 3 by default) so that a change in the machine's load touches both; the score
 * is the mean over every measurement iteration with its 99.9 % confidence half-width, and the best iteration. The
 * other arguments choose rows ({@code method}, {@code override}, {@code interface}, {@code default}, {@code inherited},
 * {@code untouched}, {@code widened}, {@code outside}, {@code abstract},
 * {@code field}, {@code static}, {@code sync}; all by
 * default). Run from the
 * repository root:
 * <pre>
 * mvn -q -pl agent -am package -DskipTests dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -cp "agent/target/test-classes:$(cat agent/target/bench.classpath)" \
 *     -Dreload.agent.jar=agent/target/reload-agent.jar -Dreload.fixtures.dir=test-fixtures/src/fixtures \
 *     dev.reload.agent.bench.MemberCost [FORKS] [method] [override] [interface] [default] [inherited] [untouched] \
 *     [widened] [outside] [abstract] [field] [static] [sync]
 * </pre>
 */
public final class MemberCost {
    private static final int ITERATIONS = 5;

    /** One row: a benchmark of the original member against one of the member a reload added. */
    private record Pair(String key, String member, String fixture, Class<?> benchmark, String original,
                        String reloaded, String agentOptions) {
        Pair(String key, String member, String fixture, Class<?> benchmark, String original, String reloaded) {
            this(key, member, fixture, benchmark, original, reloaded, "");
        }
    }

    /**
     * A quiet period long enough that the two files of one save (an interface and the class implementing what it
     * gains) form one batch however loaded the machine is: applied alone, the class would call a method its running
     * interface lacks.
     */
    private static final String ONE_SAVE = ",quiet=1000";

    private static final List<Pair> PAIRS = List.of(
            new Pair("method", "method moved to a companion", "call-cost", MovedMethodBenchmark.class,
                    "original", "moved"),
            new Pair("override", "override added to a subclass, called through its superclass", "override-cost",
                    OverrideDispatchBenchmark.class, "compiledIn", "addedOverride"),
            new Pair("interface", "method added to an interface with its implementation, called through it",
                    "interface-cost", InterfaceDispatchBenchmark.class, "compiledIn", "addedToInterface", ONE_SAVE),
            new Pair("default", "override of a default method added to a class, called through its interface",
                    "interface-cost", InterfaceDispatchBenchmark.class, "compiledIn", "defaultOverridden", ONE_SAVE),
            new Pair("inherited", "default method a reload overrode elsewhere, inherited (the same before the reload)",
                    "interface-cost", InterfaceDispatchBenchmark.class, "inheritedDefault",
                    "inheritedDefaultAfterOverride", ONE_SAVE),
            new Pair("untouched", "interface no reload touched, after those reloads (the same before them)",
                    "interface-cost", InterfaceDispatchBenchmark.class, "compiledIn", "untouchedAfterReloads",
                    ONE_SAVE),
            new Pair("widened", "method widened from package access to public, called from its own class",
                    "widened-cost", WidenedDispatchBenchmark.class, "compiledIn", "widenedByReload", ONE_SAVE),
            new Pair("outside", "method widened from package access to public, called from another package",
                    "widened-cost", WidenedDispatchBenchmark.class, "compiledInFromAnotherPackage",
                    "widenedByReloadFromAnotherPackage", ONE_SAVE),
            new Pair("abstract", "implementation of an inherited abstract method added to an abstract class, called"
                    + " named through it on a subclass with its own", "abstract-cost",
                    AbstractImplementationBenchmark.class, "compiledIn", "addedToAbstractClass", ONE_SAVE),
            new Pair("field", "instance field kept beside the object", "field-cost", AddedFieldBenchmark.class,
                    "realField", "addedField"),
            new Pair("static", "static field kept in a cell", "field-cost", AddedFieldBenchmark.class,
                    "realStaticField", "addedStaticField"),
            new Pair("sync", "sync point, no batch ready (the same method without it)", "sync-cost",
                    SyncPointBenchmark.class, "withoutSyncPoint", "withSyncPoint",
                    ",sync=fixture.synccost.Ticked.applyAsInt"));

    private MemberCost() {
    }

    public static void main(String[] args) throws IOException, RunnerException {
        int forks = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> chosen = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        Path root = Files.createTempDirectory("reload-member-cost");
        System.out.println("| member a reload added | JDK | compiled in, ns/op: mean ± error (best) | added by a reload,"
                + " ns/op: mean ± error (best) | ratio of means (of bests) |");
        System.out.println("|---|---|---|---|---|");
        for (Pair pair : PAIRS) {
            if (!chosen.isEmpty() && !chosen.contains(pair.key())) {
                continue;
            }
            for (Path jdk : Jdks.homes()) {
                ListStatistics original = new ListStatistics();
                ListStatistics reloaded = new ListStatistics();
                for (int fork = 0; fork < forks; fork++) {
                    String run = pair.key() + "-" + Jdks.label(jdk) + "-" + fork;
                    measure(root.resolve(run + "-original"), jdk, pair, pair.original(), original);
                    measure(root.resolve(run + "-reloaded"), jdk, pair, pair.reloaded(), reloaded);
                }
                System.out.printf("| %s | %d | %s | %s | %.2fx (%.2fx) |%n", pair.member(), Jdks.featureVersion(jdk),
                        score(original), score(reloaded), reloaded.getMean() / original.getMean(),
                        reloaded.getMin() / original.getMin());
            }
        }
        System.out.println("JMH output: " + root);
    }

    /** {@return the mean, its 99.9 % half-width, and the best iteration, which another program's load disturbs least} */
    private static String score(ListStatistics scores) {
        return String.format("%.2f ± %.2f (%.2f)", scores.getMean(), scores.getMeanErrorAt(0.999), scores.getMin());
    }

    /**
     * Runs one benchmark method in one forked JVM whose agent watches a fresh copy of the fixture's v1, and adds
     * the score of each measurement iteration to {@code scores}.
     */
    private static void measure(Path directory, Path jdk, Pair pair, String benchmark, ListStatistics scores)
            throws RunnerException {
        Path live = directory.resolve("live");
        FixtureCompiler.compile(Fixtures.sources(pair.fixture(), "v1"), live);
        FixtureCompiler.compile(Fixtures.sources(pair.fixture(), "v2"), directory.resolve("v2"));
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(pair.benchmark().getName() + "\\." + benchmark + "$")
                .jvm(Jdks.java(jdk).toString())
                // Not appended: the fork would inherit this JVM's -Dreload.* properties, which the agent reads as options.
                .jvmArgs("-javaagent:" + AgentJar.path() + "=watch=" + live + pair.agentOptions(),
                        "-D" + ReloadedFixture.DIRECTORY + "=" + directory)
                .forks(1)
                .warmupIterations(ITERATIONS)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(ITERATIONS)
                .measurementTime(TimeValue.seconds(1))
                .output(directory.resolve("jmh.txt").toString())
                .build()).run();
        if (results.isEmpty()) {
            throw new IllegalStateException("the " + benchmark + " benchmark failed on " + jdk + "; see "
                    + directory.resolve("jmh.txt"));
        }
        for (RunResult run : results) {
            for (BenchmarkResult result : run.getBenchmarkResults()) {
                for (IterationResult iteration : result.getIterationResults()) {
                    scores.addValue(iteration.getPrimaryResult().getScore());
                }
            }
        }
    }
}
