package dev.reload.agent.bench;

import dev.reload.fixtures.harness.ChildJvm;
import dev.reload.fixtures.harness.FixtureCompiler;
import dev.reload.fixtures.harness.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One saved class → new code running: the time from just before a class file is written to the moment
 * the child program first sees the new value, both read from {@link System#nanoTime()} (one monotonic
 * clock for every process on Linux). The program (fixture {@code latency}) polls the value every half
 * millisecond; the class file is overwritten with two versions in turn. Measured with the agent's default
 * settings and with the {@link dev.reload.agent.bench.reference.ReferenceAgent reference agent}, the floor.
 */
final class LatencyBench {
    private static final String VALUE = "fixture/latency/Value.class";

    private LatencyBench() {
    }

    static Section run(Workspace workspace, int reloads) throws Exception {
        Stats agent = Stats.of(measure(workspace.root(), reloads, "", null));
        Stats floor = Stats.of(measure(workspace.root(), reloads, "", workspace.referenceAgent()));
        Table table = new Table("Latency: one saved class to new code running (" + reloads + " reloads each, ms)",
                "agent", "p50", "p90", "p99", "max");
        table.row(row("reload-agent, default settings", agent));
        table.row(row("reference: redefine on each file event", floor));
        table.row("ratio (reload-agent / reference)", Stats.ratio(agent.median(), floor.median()),
                Stats.ratio(agent.percentile(90), floor.percentile(90)),
                Stats.ratio(agent.percentile(99), floor.percentile(99)), Stats.ratio(agent.max(), floor.max()));
        return new Section(table, List.of(
                new BudgetCheck("one saved class to new code running, p50", "<= 2x the reference agent",
                        versus(agent.median(), floor.median()), agent.median() <= 2 * floor.median()),
                new BudgetCheck("one saved class to new code running, p99", "<= 3x the reference agent",
                        versus(agent.percentile(99), floor.percentile(99)),
                        agent.percentile(99) <= 3 * floor.percentile(99))));
    }

    private static String versus(double agentNanos, double floorNanos) {
        return Stats.ratio(agentNanos, floorNanos) + " (" + Stats.ms(agentNanos) + " vs " + Stats.ms(floorNanos)
                + " ms)";
    }

    /**
     * {@return the nanoseconds from each write to the new value seen, for {@code reloads} reloads}
     *
     * @param directory where to make a working directory, never null
     * @param options reload-agent's options, such as {@code quiet=10}; empty for its defaults; never null
     * @param referenceAgent the reference agent's jar to use instead of reload-agent, or null
     */
    static List<Long> measure(Path directory, int reloads, String options, Path referenceAgent) throws Exception {
        Path work = Files.createTempDirectory(directory, "latency");
        Path classes = work.resolve("classes");
        FixtureCompiler.compile(Fixtures.sources("latency", "v1"), classes);
        Path v2 = work.resolve("v2");
        FixtureCompiler.compile(Fixtures.sources("latency", "v2"), v2);
        byte[][] versions = {Files.readAllBytes(classes.resolve(VALUE)), Files.readAllBytes(v2.resolve(VALUE))};
        ChildJvm.Builder builder = ChildOptions.child().classPath(classes).main("fixture.latency.Main");
        if (referenceAgent == null) {
            builder.reloadAgent(options);
        } else {
            builder.agent(referenceAgent, classes.toString());
        }
        List<Long> nanos = new ArrayList<>();
        try (ChildJvm child = builder.start()) {
            child.awaitStdout("^value v1 at ");
            Thread.sleep(1000); // let start-up (JIT, class loading) finish, as in a game that has been running
            for (int i = 0; i < reloads; i++) {
                int next = (i + 1) % 2;
                int mark = child.stdoutMark();
                long written = System.nanoTime();
                write(classes.resolve(VALUE), versions[next]);
                String seen = child.awaitStdoutAfter(mark, "^value v" + (next + 1) + " at ");
                nanos.add(Long.parseLong(seen.substring(seen.lastIndexOf(' ') + 1)) - written);
                Thread.sleep(50);
            }
        }
        return nanos;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
    }

    private static String[] row(String name, Stats stats) {
        return new String[] {name, Stats.ms(stats.median()), Stats.ms(stats.percentile(90)),
                Stats.ms(stats.percentile(99)), Stats.ms(stats.max())};
    }
}
