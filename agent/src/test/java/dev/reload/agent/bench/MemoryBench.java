package dev.reload.agent.bench;

import dev.reload.fixtures.harness.ChildJvm;

import java.util.ArrayList;
import java.util.List;

/**
 * Retained heap per tracked class: the generated program loads all its classes, then collects garbage
 * every second until the heap left stops changing (the agent's background work is done) and prints it. The difference with and without
 * reload-agent, divided by the number of classes, is what the agent keeps per class, its fixed cost (a
 * watcher, its own objects) included.
 */
final class MemoryBench {
    private MemoryBench() {
    }

    static Section run(Workspace workspace, int runs) throws Exception {
        List<Long> with = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            without.add(heapUsed(workspace, false));
            with.add(heapUsed(workspace, true));
        }
        double agent = Stats.of(with).median();
        double none = Stats.of(without).median();
        int classes = workspace.classCount();
        double perClass = (agent - none) / classes;
        String title = String.format("Memory: heap in use after GC with %,d classes loaded (median of %d runs)",
                classes, runs);
        Table table = new Table(title, "run", "heap used (KiB)", "per class (bytes)");
        table.row("without an agent", kib(none), "");
        table.row("with reload-agent", kib(agent), String.format("%+.0f", perClass));
        return new Section(table, List.of(new BudgetCheck("memory per tracked class", "<= 1 KiB on average",
                String.format("%.0f bytes", perClass), perClass <= 1024)));
    }

    private static String kib(double bytes) {
        return String.format("%,.0f", bytes / 1024);
    }

    private static long heapUsed(Workspace workspace, boolean agent) throws Exception {
        try (ChildJvm child = workspace.program(workspace.generated(1), "memory", agent).start()) {
            String line = child.awaitStdout("^heap used ");
            return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
        }
    }
}
