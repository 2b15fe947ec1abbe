package dev.reload.agent.bench;

import dev.reload.agent.bench.reference.ReferenceAgent;
import dev.reload.fixtures.harness.ChildJvm;

import java.time.Duration;
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
    /** How long a program may take to quit once its main returned before the run counts as failed. */
    private static final Duration QUIT_WAIT = Duration.ofSeconds(30);

    private StartupBench() {
    }

    static Section run(Workspace workspace, int runs) throws Exception {
        List<Start> starts = List.of(
                Start.of("without an agent", workspace.program(workspace.generated(1), "start", false)),
                Start.of("reference agent, a transformer that does nothing",
                        workspace.program(workspace.generated(1), "start", false)
                                .agent(workspace.referenceAgent(), ReferenceAgent.OBSERVE)),
                Start.of("reference agent, recording each class's name and CRC-32C, watching the directory",
                        workspace.program(workspace.generated(1), "start", false)
                                .agent(workspace.referenceAgent(), ReferenceAgent.RECORD + workspace.generated(1))),
                Start.of("with reload-agent watching", workspace.program(workspace.generated(1), "start", true)));
        for (int r = 0; r < runs; r++) {
            // Each round begins with the next kind of start: a start right after another may find the machine warmer
            // (caches, clock speed) than one that comes first, and no kind should always follow the same one.
            for (int k = 0; k < starts.size(); k++) {
                measure(starts.get((r + k) % starts.size()));
            }
        }
        Start recording = starts.get(2);
        Start reloadAgent = starts.get(3);
        Stats none = Stats.of(starts.get(0).times());
        Stats floor = Stats.of(starts.get(1).times());
        Stats recorder = Stats.of(recording.times());
        Stats agent = Stats.of(reloadAgent.times());
        String title = String.format("Start-up: loading %,d classes from a directory, process start to end of main"
                + " (%d runs each, ms)", workspace.classCount(), runs);
        Table table = new Table(title, "run", "median", "fastest", "slowest", "ratio of medians",
                "over the recording floor, paired by round: median (quartiles)", "end of main to exit, median");
        for (Start start : starts) {
            table.row(row(start, none, recording));
        }
        table.note("The recording reference agent does the least an agent that judges a saved class file against the"
                + " class running must do at start: it knows each class loaded from the watched directory by name and"
                + " the CRC-32C of its class file (one map entry each, in a transformer that is not retransformation"
                + " capable, as reload-agent's first look), and registers a watch service on the directory. End of main"
                + " to exit: how much longer the program took to quit once its main returned (no budget); as the JVM"
                + " exits it waits up to 300 ms for threads in native code, such as a watch service's poller. Over the"
                + " recording floor: each start less the recording floor's of the same round, whose starts met the"
                + " machine in much the same state; steadier than the medians from one run to the next.");
        double over = agent.median() / none.median() - 1;
        return new Section(table, List.of(new BudgetCheck(
                String.format("start-up cost with %,d watched classes", workspace.classCount()),
                "<= 10 % over no agent", String.format("%+.0f %% (reference agent: %+.0f %%; recording: %+.0f %%;"
                                + " over the recording floor, paired by round: %s ms)",
                        over * 100, (floor.median() / none.median() - 1) * 100,
                        (recorder.median() / none.median() - 1) * 100,
                        Stats.signedMs(overFloor(reloadAgent, recording).median())), over <= 0.10)));
    }

    /**
     * One kind of start: what the table calls it, the program to start, and the times measured of it.
     *
     * @param times from just before the process starts to the end of its {@code main}, in ns
     * @param quits from the end of its {@code main} to the end of the process, in ns
     */
    private record Start(String name, ChildJvm.Builder program, List<Long> times, List<Long> quits) {
        static Start of(String name, ChildJvm.Builder program) {
            return new Start(name, program, new ArrayList<>(), new ArrayList<>());
        }
    }

    private static String[] row(Start start, Stats none, Start recordingFloor) {
        Stats stats = Stats.of(start.times());
        Stats over = overFloor(start, recordingFloor);
        String paired = start == recordingFloor ? "" : String.format("%s (%s, %s)", Stats.signedMs(over.median()),
                Stats.signedMs(over.percentile(25)), Stats.signedMs(over.percentile(75)));
        return new String[] {start.name(), Stats.ms(stats.median()), Stats.ms(stats.min()), Stats.ms(stats.max()),
                Stats.ratio(stats.median(), none.median()), paired, Stats.ms(Stats.of(start.quits()).median())};
    }

    /** {@return each of a kind's starts less the recording floor's of the same round, in ns} */
    private static Stats overFloor(Start start, Start recordingFloor) {
        List<Long> differences = new ArrayList<>();
        for (int round = 0; round < start.times().size(); round++) {
            differences.add(start.times().get(round) - recordingFloor.times().get(round));
        }
        return Stats.of(differences);
    }

    private static void measure(Start start) throws Exception {
        long started = System.nanoTime();
        try (ChildJvm child = start.program().start()) {
            String done = child.awaitStdout("^main done at ");
            long endOfMain = Long.parseLong(done.substring(done.lastIndexOf(' ') + 1));
            child.awaitExit(QUIT_WAIT);
            // One monotonic clock for both processes on Linux, as the latency section relies on too.
            start.quits().add(System.nanoTime() - endOfMain);
            start.times().add(endOfMain - started);
        }
    }
}
