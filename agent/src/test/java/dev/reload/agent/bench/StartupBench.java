package dev.reload.agent.bench;

import dev.reload.agent.bench.reference.ReferenceAgent;
import dev.reload.fixtures.harness.ChildJvm;

import java.util.ArrayList;
import java.util.List;

/**
 * Start-up: the generated program loads all its classes from a directory and ends; measured from just
 * before the process starts to the end of {@code main} (the child prints {@link System#nanoTime()}),
 * without an agent, with the reference agent registering a transformer that does nothing (what the JVM
 * charges any agent that watches class loads), with it recording each class's name and CRC-32C and watching the
 * directory (the least an agent that judges saved files against the running classes must do), and with reload-agent
 * watching (default settings: the class path directory), in turn, each round beginning with the next of the four.
 */
final class StartupBench {
    private StartupBench() {
    }

    static Section run(Workspace workspace, int runs) throws Exception {
        List<Long> without = new ArrayList<>();
        List<Long> observing = new ArrayList<>();
        List<Long> recording = new ArrayList<>();
        List<Long> with = new ArrayList<>();
        List<Start> starts = List.of(
                new Start(workspace.program(workspace.generated(1), "start", false), without),
                new Start(workspace.program(workspace.generated(1), "start", false)
                        .agent(workspace.referenceAgent(), ReferenceAgent.OBSERVE), observing),
                new Start(workspace.program(workspace.generated(1), "start", false)
                        .agent(workspace.referenceAgent(), ReferenceAgent.RECORD + workspace.generated(1)), recording),
                new Start(workspace.program(workspace.generated(1), "start", true), with));
        for (int r = 0; r < runs; r++) {
            // Each round begins with the next kind of start: a start right after another may find the machine warmer
            // (caches, clock speed) than one that comes first, and no kind should always follow the same one.
            for (int k = 0; k < starts.size(); k++) {
                Start start = starts.get((r + k) % starts.size());
                start.times().add(timeToEndOfMain(start.program()));
            }
        }
        Stats none = Stats.of(without);
        Stats floor = Stats.of(observing);
        Stats recorder = Stats.of(recording);
        Stats agent = Stats.of(with);
        String title = String.format("Start-up: loading %,d classes from a directory, process start to end of main"
                + " (%d runs each, ms)", workspace.classCount(), runs);
        Table table = new Table(title, "run", "median", "fastest", "slowest", "ratio of medians");
        table.row(row("without an agent", none, none));
        table.row(row("reference agent, a transformer that does nothing", floor, none));
        table.row(row("reference agent, recording each class's name and CRC-32C, watching the directory", recorder,
                none));
        table.row(row("with reload-agent watching", agent, none));
        table.note("The recording reference agent does the least an agent that judges a saved class file against the"
                + " class running must do at start: it knows each class loaded from the watched directory by name and"
                + " the CRC-32C of its class file (one map entry each, in a transformer that is not retransformation"
                + " capable, as reload-agent's first look), and registers a watch service on the directory.");
        double over = agent.median() / none.median() - 1;
        return new Section(table, List.of(new BudgetCheck(
                String.format("start-up cost with %,d watched classes", workspace.classCount()),
                "<= 10 % over no agent", String.format("%+.0f %% (reference agent: %+.0f %%; recording: %+.0f %%)",
                        over * 100, (floor.median() / none.median() - 1) * 100,
                        (recorder.median() / none.median() - 1) * 100), over <= 0.10)));
    }

    /** One kind of start: the program to start, and the times measured of it. */
    private record Start(ChildJvm.Builder program, List<Long> times) {
    }

    private static String[] row(String name, Stats stats, Stats none) {
        return new String[] {name, Stats.ms(stats.median()), Stats.ms(stats.min()), Stats.ms(stats.max()),
                Stats.ratio(stats.median(), none.median())};
    }

    private static long timeToEndOfMain(ChildJvm.Builder program) throws Exception {
        long started = System.nanoTime();
        try (ChildJvm child = program.start()) {
            String done = child.awaitStdout("^main done at ");
            return Long.parseLong(done.substring(done.lastIndexOf(' ') + 1)) - started;
        }
    }
}
