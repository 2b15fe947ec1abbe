package dev.reload.agent.bench;

import dev.reload.agent.bench.jmh.HotMethodBenchmark;
import dev.reload.fixtures.harness.AgentJar;
import dev.reload.fixtures.harness.Jdks;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.ListStatistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Steady state: JMH throughput of {@link HotMethodBenchmark}, the hot method of a never-edited class, in
 * JVMs forked without an agent and with reload-agent ({@code -javaagent}, default settings: it watches the
 * class path directories, so it tracks the benchmark's classes), one fork of each in turn so that a change
 * in the machine's load touches both. JMH's own output goes to a file in the workspace; only the scores
 * are printed: the mean over every measurement iteration, and its 99.9 % confidence half-width.
 */
final class SteadyStateBench {
    private SteadyStateBench() {
    }

    /**
     * @param forks JVMs forked per configuration, without and with the agent in turn
     * @param iterations measurement iterations of one second per fork, after as many warm-up iterations
     */
    static Section run(Workspace workspace, int forks, int iterations) throws Exception {
        ListStatistics without = new ListStatistics();
        ListStatistics with = new ListStatistics();
        for (int f = 0; f < forks; f++) {
            measure(workspace, iterations, false, without);
            measure(workspace, iterations, true, with);
        }
        double ratio = with.getMean() / without.getMean();
        Table table = new Table(String.format("Steady state: JMH throughput of a never-edited class's hot method"
                + " (%d forks x %d s each, in turn)", forks, iterations), "run", "ops/ms", "error (99.9 %)", "ratio");
        table.row("without an agent", score(without.getMean()), score(error(without)), "1.00x");
        table.row("with reload-agent", score(with.getMean()), score(error(with)), String.format("%.2fx", ratio));
        // Equal means: not slower beyond the error. Faster with the agent can only be the machine's noise.
        boolean equal = with.getMean() >= without.getMean()
                || with.getMean() + error(with) >= without.getMean() - error(without);
        return new Section(table, List.of(new BudgetCheck("steady-state speed of code that was never changed",
                "equal to running without the agent", String.format("%.2fx", ratio)
                + (equal ? ", not slower beyond the error" : ", slower beyond the error"), equal)));
    }

    /** Runs one fork and adds the score of each of its measurement iterations to {@code scores}. */
    private static void measure(Workspace workspace, int iterations, boolean agent, ListStatistics scores)
            throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(HotMethodBenchmark.class.getName())
                .jvm(Jdks.java(Jdks.current()).toString())
                .forks(1)
                .warmupIterations(iterations)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(1))
                .output(workspace.root().resolve("jmh.txt").toString());
        // JMH keeps the last list it is given, so the fork's options go in as one.
        List<String> forkOptions = new ArrayList<>(ChildOptions.all());
        if (agent) {
            forkOptions.add("-javaagent:" + AgentJar.path());
        }
        options.jvmArgsAppend(forkOptions.toArray(String[]::new));
        long before = scores.getN();
        for (RunResult run : new Runner(options.build()).run()) {
            for (BenchmarkResult result : run.getBenchmarkResults()) {
                for (IterationResult iteration : result.getIterationResults()) {
                    scores.addValue(iteration.getPrimaryResult().getScore());
                }
            }
        }
        if (scores.getN() == before) {
            // A fork that never ran (a JVM option it refused, an agent that failed) gives no score, not a zero.
            throw new IllegalStateException("the JMH fork " + (agent ? "with" : "without") + " reload-agent measured"
                    + " nothing:\n" + whyNothing(workspace.root().resolve("jmh.txt")));
        }
    }

    /** {@return what JMH wrote of a failed fork (its exit and the fork's last output), else the end of its output} */
    private static String whyNothing(Path jmhOutput) throws IOException {
        List<String> lines = Files.readAllLines(jmhOutput);
        int failure = 0;
        while (failure < lines.size() && !lines.get(failure).startsWith("<")) {
            failure++;
        }
        int from = failure < lines.size() ? failure : Math.max(0, lines.size() - 15);
        int to = Math.min(lines.size(), from + 25);
        int stderrEnd = lines.subList(from, to).indexOf("</stderr>");
        return String.join("\n", lines.subList(from, stderrEnd < 0 ? to : from + stderrEnd + 1));
    }

    private static double error(ListStatistics scores) {
        return scores.getN() > 2 ? scores.getMeanErrorAt(0.999) : Double.NaN;
    }

    private static String score(double value) {
        return String.format("%,.1f", value);
    }
}
