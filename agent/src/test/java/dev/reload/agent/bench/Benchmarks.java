package dev.reload.agent.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs every benchmark (or the ones named) and prints their tables, then each budget of DESIGN.md against
 * its figure. Every figure is a median or a ratio measured in this one run, side by side with its floor;
 * nothing here asserts a time. Started by {@code bench/run}, which builds the project first.
 *
 * <p>Arguments: any of {@code latency pause batch startup memory steady} (default: all), and
 * {@code --quick} for fewer repetitions (a smoke run; its figures are not for the record).
 */
public final class Benchmarks {
    static final List<String> SECTIONS = List.of("latency", "pause", "batch", "startup", "memory", "steady");
    static final int CLASSES = 5000;

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> chosen = new LinkedHashSet<>();
        boolean quick = false;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (SECTIONS.contains(arg)) {
                chosen.add(arg);
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + "; expected --quick or any of " + SECTIONS);
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(SECTIONS);
        }
        Instant start = Instant.now();
        System.out.println(machine());
        List<BudgetCheck> budgets = new ArrayList<>();
        try (Workspace workspace = new Workspace(CLASSES)) {
            for (String name : chosen) {
                if (!name.equals("latency")) {
                    generate(workspace);
                }
                Section section = run(name, workspace, quick);
                System.out.println(section.render());
                budgets.addAll(section.budgets());
            }
        }
        System.out.println(budgetTable(budgets).render());
        System.out.printf("(all sections took %d s)%n", Duration.between(start, Instant.now()).toSeconds());
    }

    /** Compiles the generated program once, before the first section that needs it, outside every timed part. */
    private static void generate(Workspace workspace) {
        if (workspace.isGenerated()) {
            return;
        }
        Instant start = Instant.now();
        workspace.generated(1);
        System.out.printf("(generated and compiled %,d classes in two versions in %d s)%n%n", CLASSES,
                Duration.between(start, Instant.now()).toSeconds());
        System.gc(); // the compiler's garbage must not be collected while a later section times something
    }

    private static Section run(String name, Workspace workspace, boolean quick) throws Exception {
        return switch (name) {
            case "latency" -> LatencyBench.run(workspace, quick ? 20 : 100);
            case "pause" -> LoopPauseBench.run(workspace, quick ? 2 : 5, 1000, quick ? 30 : 150);
            case "batch" -> BatchBench.run(workspace, List.of(1, 100, 1000, CLASSES), quick ? 2 : 6);
            case "startup" -> StartupBench.run(workspace, quick ? 3 : 9);
            case "memory" -> MemoryBench.run(workspace, quick ? 1 : 3);
            case "steady" -> SteadyStateBench.run(workspace, quick ? 1 : 3, quick ? 2 : 5);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Table budgetTable(List<BudgetCheck> budgets) {
        Table table = new Table("Budgets (DESIGN.md)", "what", "budget", "measured", "met");
        for (BudgetCheck check : budgets) {
            table.row(check.what(), check.budget(), check.measured(), check.met() ? "yes" : "MISSED");
        }
        return table;
    }

    private static String machine() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return String.format("## reload-agent benchmarks%n%n%d cores, %,d MiB memory, load average %.2f at start;"
                        + " %s %s (%s); %s %s%n", Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize() / (1024 * 1024), os.getSystemLoadAverage(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name"), cpuModel())
                + (ChildOptions.all().isEmpty() ? "" : String.format("%nEvery child JVM with the options %s"
                + " (bench/run --child-option): not a run of record.%n", String.join(" ", ChildOptions.all())));
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return "on " + line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (java.io.IOException e) {
            // Not Linux: the core count and JDK still say what ran.
        }
        return "";
    }
}
