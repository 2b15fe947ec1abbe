package dev.reload.agent.bench;

import dev.reload.agent.bench.jmh.MovedMethodBenchmark;
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

/**
 * Prints, for every test JDK, the JMH average time of a call through a method a reload moved to a companion class
 * and through the same method never edited ({@link MovedMethodBenchmark}): each benchmark in its own JVM forked
 * with reload-agent watching a fresh directory, the two in turn (the number of forks of each is the optional
 * argument, 3 by default) so that a change in the machine's load touches both; the score is the mean over every
 * measurement iteration with its 99.9 % confidence half-width, and the best iteration. Run from the repository
 * root:
 * <pre>
 * mvn -q -pl agent -am package -DskipTests dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -cp "agent/target/test-classes:$(cat agent/target/bench.classpath)" \
 *     -Dreload.agent.jar=agent/target/reload-agent.jar -Dreload.fixtures.dir=test-fixtures/src/fixtures \
 *     dev.reload.agent.bench.MovedMethodCost [FORKS]
 * </pre>
 */
public final class MovedMethodCost {
    private static final String FIXTURE = "call-cost";
    private static final int ITERATIONS = 5;

    private MovedMethodCost() {
    }

    public static void main(String[] args) throws IOException, RunnerException {
        int forks = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path root = Files.createTempDirectory("reload-call-cost");
        System.out.println("| JDK | original method, ns/op: mean ± error (best) | moved method, ns/op: mean ± error"
                + " (best) | ratio of means (of bests) |");
        System.out.println("|---|---|---|---|");
        for (Path jdk : Jdks.homes()) {
            ListStatistics original = new ListStatistics();
            ListStatistics moved = new ListStatistics();
            for (int fork = 0; fork < forks; fork++) {
                measure(root.resolve(Jdks.label(jdk) + "-original-" + fork), jdk, "original", original);
                measure(root.resolve(Jdks.label(jdk) + "-moved-" + fork), jdk, "moved", moved);
            }
            System.out.printf("| %d | %s | %s | %.2fx (%.2fx) |%n", Jdks.featureVersion(jdk), score(original),
                    score(moved), moved.getMean() / original.getMean(), moved.getMin() / original.getMin());
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
    private static void measure(Path directory, Path jdk, String benchmark, ListStatistics scores)
            throws RunnerException {
        Path live = directory.resolve("live");
        FixtureCompiler.compile(Fixtures.sources(FIXTURE, "v1"), live);
        FixtureCompiler.compile(Fixtures.sources(FIXTURE, "v2"), directory.resolve("v2"));
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(MovedMethodBenchmark.class.getName() + "\\." + benchmark + "$")
                .jvm(Jdks.java(jdk).toString())
                // Not appended: the fork would inherit this JVM's -Dreload.* properties, which the agent reads as options.
                .jvmArgs("-javaagent:" + AgentJar.path() + "=watch=" + live,
                        "-D" + MovedMethodBenchmark.DIRECTORY + "=" + directory)
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
