package dev.reload.agent.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the latency and batch benchmarks for two agent jars in turn, several rounds, each against its floor measured
 * in the same round, so that a change is judged by ratios taken minutes apart on the same loaded machine rather than by
 * two runs of {@link Benchmarks} an hour apart. Run after {@code bench/run}'s build:
 * <pre>
 * java -cp "agent/target/test-classes:$(cat agent/target/bench.classpath)" \
 *      -Dreload.fixtures.dir=test-fixtures/src/fixtures \
 *      dev.reload.agent.bench.AgentComparison BEFORE.jar AFTER.jar ROUNDS [latency] [batch]
 * </pre>
 */
public final class AgentComparison {
    private static final int LATENCY_RELOADS = 40;
    private static final int BATCH_TRIALS = 4;

    private AgentComparison() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> jars = List.of(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath());
        int rounds = Integer.parseInt(args[2]);
        List<String> sections = args.length > 3 ? List.of(args).subList(3, args.length) : List.of("latency", "batch");
        List<String> summary = new ArrayList<>();
        try (Workspace workspace = new Workspace(Benchmarks.CLASSES)) {
            if (sections.contains("batch")) {
                workspace.generated(1);
            }
            for (int round = 1; round <= rounds; round++) {
                // Each round starts with the other jar, so neither always runs on the machine the other left.
                for (int turn = 0; turn < jars.size(); turn++) {
                    Path jar = jars.get((turn + round) % jars.size());
                    System.setProperty("reload.agent.jar", jar.toString());
                    for (String section : sections) {
                        Section measured = section.equals("latency") ? LatencyBench.run(workspace, LATENCY_RELOADS)
                                : BatchBench.run(workspace, List.of(100, 1000), BATCH_TRIALS);
                        System.out.println("### round " + round + ", " + jar.getFileName() + ", " + section);
                        System.out.println(measured.render());
                        String label = "round " + round + " " + jar.getFileName() + ": ";
                        measured.budgets().forEach(check -> summary.add(label + check.what() + ": " + check.measured()));
                    }
                }
            }
        }
        summary.forEach(System.out::println);
    }
}
