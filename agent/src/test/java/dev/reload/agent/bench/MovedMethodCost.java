package dev.reload.agent.bench;

import dev.reload.agent.bench.jmh.MovedMethodBenchmark;
import dev.reload.fixtures.harness.AgentJar;
import dev.reload.fixtures.harness.FixtureCompiler;
import dev.reload.fixtures.harness.Fixtures;
import dev.reload.fixtures.harness.Jdks;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Prints, for every test JDK, the JMH average time of a call through a method a reload moved to a companion class
 * and through the same method never edited ({@link MovedMethodBenchmark}), each in its own JVM forked with
 * reload-agent watching a fresh directory. Run from the repository root:
 * <pre>
 * mvn -q -pl agent -am package -DskipTests dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -cp "agent/target/test-classes:$(cat agent/target/bench.classpath)" \
 *     -Dreload.agent.jar=agent/target/reload-agent.jar -Dreload.fixtures.dir=test-fixtures/src/fixtures \
 *     dev.reload.agent.bench.MovedMethodCost
 * </pre>
 */
public final class MovedMethodCost {
    private static final String FIXTURE = "call-cost";
    private static final int ITERATIONS = 5;

    private MovedMethodCost() {
    }

    public static void main(String[] args) throws IOException, RunnerException {
        Path root = Files.createTempDirectory("reload-call-cost");
        System.out.println("| JDK | original method (ns/op) | moved method (ns/op) | ratio |");
        System.out.println("|---|---|---|---|");
        for (Path jdk : Jdks.homes()) {
            Result<?> original = measure(root.resolve(Jdks.label(jdk) + "-original"), jdk, "original");
            Result<?> moved = measure(root.resolve(Jdks.label(jdk) + "-moved"), jdk, "moved");
            System.out.printf("| %d | %.2f ± %.2f | %.2f ± %.2f | %.2fx |%n", Jdks.featureVersion(jdk),
                    original.getScore(), original.getScoreError(), moved.getScore(), moved.getScoreError(),
                    moved.getScore() / original.getScore());
        }
        System.out.println("JMH output: " + root);
    }

    /** Runs one benchmark method in one forked JVM whose agent watches a fresh copy of the fixture's v1. */
    private static Result<?> measure(Path directory, Path jdk, String benchmark) throws RunnerException {
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
                .measurementIterations(ITERATIONS * 2)
                .measurementTime(TimeValue.seconds(1))
                .output(directory.resolve("jmh.txt").toString())
                .build()).run();
        if (results.isEmpty()) {
            throw new IllegalStateException("the " + benchmark + " benchmark failed on " + jdk + "; see "
                    + directory.resolve("jmh.txt"));
        }
        return results.iterator().next().getPrimaryResult();
    }
}
