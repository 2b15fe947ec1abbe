package dev.reload.agent.bench;

import dev.reload.agent.bench.reference.BareRedefine;
import dev.reload.fixtures.harness.ChildJvm;
import dev.reload.fixtures.harness.Jdks;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Many classes changed at once: the generated program with every class loaded, and the first N class
 * files overwritten in one burst (C0, which the program polls, last). reload-agent's time runs from just
 * after the last write to the moment the program sees C0's new version; since a batch is redefined in one
 * call, that is when the whole batch is running. The floor is one bare {@code redefineClasses} of the same
 * N classes with the same bytes, timed inside a child JVM by {@link BareRedefine}.
 */
final class BatchBench {
    private static final Duration LONG_WAIT = Duration.ofMinutes(2);

    private BatchBench() {
    }

    /**
     * @param sizes the batch sizes, each at most the workspace's class count, never null
     * @param trials batches per size, even, so that every size starts from version 1 on disk
     */
    static Section run(Workspace workspace, List<Integer> sizes, int trials) throws Exception {
        if (trials % 2 != 0) {
            throw new IllegalArgumentException("trials must be even, not " + trials);
        }
        Map<Integer, List<Long>> agent = new HashMap<>();
        Map<Integer, Integer> mostBatches = new HashMap<>();
        measureAgent(workspace, sizes, trials, agent, mostBatches);
        Map<Integer, List<Long>> bare = measureBare(workspace, sizes, trials);
        Table table = new Table("Batch: N classes changed at once (median of " + trials + ", ms)",
                "classes", "reload-agent: last write to running", "bare redefineClasses", "ratio",
                "reload batches");
        List<BudgetCheck> budgets = new ArrayList<>();
        for (int size : sizes) {
            double agentMedian = Stats.of(agent.get(size)).median();
            double bareMedian = Stats.of(bare.get(size)).median();
            table.row(String.format("%,d", size), Stats.ms(agentMedian), Stats.ms(bareMedian),
                    Stats.ratio(agentMedian, bareMedian), String.valueOf(mostBatches.get(size)));
            double budget = size == 1000 ? 1.5 : size == 100 ? 3 : 0;
            if (budget > 0) {
                budgets.add(new BudgetCheck(String.format("%,d changed classes in one batch", size),
                        "<= " + Stats.ratio(budget, 1) + " bare redefineClasses", Stats.ratio(agentMedian, bareMedian)
                        + " (" + Stats.ms(agentMedian) + " vs " + Stats.ms(bareMedian) + " ms)",
                        agentMedian <= budget * bareMedian));
            }
        }
        table.note("reload batches: the most redefinitions the agent made for one burst of writes (1 = the burst"
                + " was applied as one atomic batch). " + workspace.classCount() + " classes loaded in both.");
        return new Section(table, budgets);
    }

    private static void measureAgent(Workspace workspace, List<Integer> sizes, int trials,
                                     Map<Integer, List<Long>> nanos, Map<Integer, Integer> mostBatches)
            throws Exception {
        Path classes = workspace.freshCopy();
        try (ChildJvm child = workspace.program(classes, "poll", true).start()) {
            child.awaitStdout("^version v1 at ");
            Thread.sleep(1000);
            for (int size : sizes) {
                List<Long> times = new ArrayList<>();
                for (int t = 0; t < trials; t++) {
                    int version = t % 2 == 0 ? 2 : 1;
                    int mark = child.stdoutMark();
                    int errMark = child.stderrMark();
                    long written = workspace.write(classes, size, version);
                    String seen = child.awaitStdoutAfter(mark, "^version v" + version + " at ");
                    times.add(Long.parseLong(seen.substring(seen.lastIndexOf(' ') + 1)) - written);
                    Thread.sleep(300); // the report line follows the redefinition; the next burst starts clean
                    mostBatches.merge(size, reportsAfter(child, errMark), Math::max);
                }
                nanos.put(size, times);
            }
        }
    }

    private static int reportsAfter(ChildJvm child, int errMark) {
        List<String> lines = child.stderr();
        int reports = 0;
        for (String line : lines.subList(errMark, lines.size())) {
            if (line.matches("^\\[reload\\] \\d+ class(es)? in .*")) {
                reports++;
            }
        }
        return reports;
    }

    private static Map<Integer, List<Long>> measureBare(Workspace workspace, List<Integer> sizes, int trials)
            throws Exception {
        Map<Integer, List<Long>> nanos = new HashMap<>();
        for (String line : runBare(workspace, sizes, trials, List.of())) {
            String[] words = line.split(" ");
            if (words.length == 3 && words[0].equals("bare")) {
                nanos.computeIfAbsent(Integer.parseInt(words[1]), k -> new ArrayList<>()).add(Long.parseLong(words[2]));
            }
        }
        return nanos;
    }

    /**
     * Runs {@link BareRedefine} in a child JVM with every class of the workspace loaded, to its end.
     *
     * @param jvmOptions more options for the child (a safepoint log), never null
     * @return what the child printed, a {@code bare SIZE NANOS} line for each {@code redefineClasses} call
     */
    static List<String> runBare(Workspace workspace, List<Integer> sizes, int trials, List<String> jvmOptions)
            throws Exception {
        List<String> arguments = new ArrayList<>(List.of(String.valueOf(workspace.classCount()),
                workspace.generated(1).toString(), workspace.generated(2).toString(), String.valueOf(trials)));
        sizes.forEach(size -> arguments.add(String.valueOf(size)));
        ChildJvm.Builder builder = ChildJvm.on(Jdks.current()).agent(workspace.referenceAgent(), "");
        jvmOptions.forEach(builder::jvmOption);
        try (ChildJvm child = builder.classPath(workspace.generated(1), testClasses())
                .main(BareRedefine.class.getName(), arguments.toArray(String[]::new)).start()) {
            child.awaitStdout("^bare done$", LONG_WAIT);
            return child.stdout();
        }
    }

    /** {@return the directory (or jar) this benchmark's classes were loaded from, for a child's class path} */
    static Path testClasses() throws URISyntaxException {
        return Path.of(BatchBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
