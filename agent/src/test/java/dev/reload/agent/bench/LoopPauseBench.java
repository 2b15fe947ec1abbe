package dev.reload.agent.bench;

import dev.reload.fixtures.harness.ChildJvm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The game loop's longest pause: the generated program runs a 1 kHz loop that calls C0 and C1 every tick
 * and reports the longest gap between two ticks in each window it is asked about. Windows with no reload
 * (the loop's normal worst) and with a one-class reload (C0) alternate first; then windows with no reload, a
 * one-class reload and a many-class reload (C0 … C999), each about 600 ms long, with reloads in both directions
 * (v1 to v2 and back). Measured with reload-agent's default settings, and for the one-class reload with the
 * reference agent too: redefining a class stops every thread at a safepoint for a time that grows with the number
 * of loaded classes, a pause no agent can avoid. The floors of the many-class reload are one bare {@code redefineClasses} of the same
 * classes, in a program with no agent at work and in the program reload-agent's windows left. Last, reload-agent's
 * child and the reference agent's save C0 many more times and measure one-class windows again: the pause a long
 * session of edits leaves, with no budget.
 */
final class LoopPauseBench {
    private static final long SETTLE_MILLIS = 300;
    /** Between two saves of a long session, once the one before runs: a developer's saves are never closer. */
    private static final long SESSION_GAP_MILLIS = 20;

    private LoopPauseBench() {
    }

    /**
     * @param rounds how many times each kind of window is measured, twice over for reloads (there and back)
     * @param manyClasses how many classes the large reload changes, at most the workspace's class count
     * @param sessionSaves how many saves of C0 reload-agent's child and the reference agent's make after their windows,
     *     before their last one-class windows; an even number
     */
    static Section run(Workspace workspace, int rounds, int manyClasses, int sessionSaves) throws Exception {
        Path classes = workspace.freshCopy();
        Writes writes = (count, version) -> workspace.write(classes, count, version);
        Phases agent;
        Measured agentAfterSession;
        SafepointLog agentLog = new SafepointLog(workspace.root().resolve("safepoints-agent.log"));
        try (ChildJvm child = workspace.program(classes, "loop", true).jvmOption(agentLog.jvmOption()).start()) {
            agent = phases(child, agentLog, writes, rounds, manyClasses);
            agentAfterSession = afterSession(child, agentLog, writes, rounds, sessionSaves);
        }
        Measured floor;
        Measured floorAfterSession;
        SafepointLog floorLog = new SafepointLog(workspace.root().resolve("safepoints-reference.log"));
        try (ChildJvm child = workspace.program(classes, "loop", false).jvmOption(floorLog.jvmOption())
                .agent(workspace.referenceAgent(), classes.toString()).start()) {
            floor = measure(child, floorLog, writes, rounds, new int[] {1});
            floorAfterSession = afterSession(child, floorLog, writes, rounds, sessionSaves);
        }
        Shared shared = measureShared(workspace, classes, writes, rounds, manyClasses);
        Stats bare = bareSafepoints(workspace, rounds * 2, manyClasses);
        String many = String.format("%,d-class", manyClasses);
        Measured sharedBare = shared.bare();
        double over = overNoReload(agent.alone());
        double floorOver = overNoReload(floor);
        double manyGap = agent.among().gaps().get(manyClasses).median();
        Table table = table(workspace, agent, agentAfterSession, floor, floorAfterSession, shared, bare, manyClasses,
                sessionSaves);
        return new Section(table, List.of(
                new BudgetCheck("longest loop pause during a one-class reload", "<= the reference agent's + 1 ms",
                        Stats.signedMs(over) + " ms before any large reload, safepoint " + safepoint(agent.alone())
                        + " ms (reference: " + Stats.signedMs(floorOver) + " ms, " + safepoint(floor)
                        + " ms; in one program running both agents, reload-agent "
                        + Stats.signedMs(overNoReload(shared.agent())) + " ms, " + safepoint(shared.agent())
                        + " ms, then the reference " + Stats.signedMs(overNoReload(shared.reference().alone()))
                        + " ms, " + safepoint(shared.reference().alone()) + " ms); after "
                        + many + " reloads " + Stats.signedMs(overNoReload(agent.among()))
                        + " ms (reference with reload-agent loaded: "
                        + Stats.signedMs(overNoReload(shared.reference().among())) + " ms)",
                        over <= floorOver + 1e6),
                new BudgetCheck("longest loop pause during a " + many + " reload",
                        "<= the bare redefinition's safepoint + 25 %", Stats.ms(manyGap) + " ms ("
                        + Stats.ratio(manyGap, bare.median()) + " the bare safepoint's " + Stats.ms(bare.median())
                        + " ms; with reload-agent loaded: " + Stats.ms(sharedBare.safepoints().get(manyClasses).median())
                        + " ms, gap " + Stats.ms(sharedBare.gaps().get(manyClasses).median()) + " ms)",
                        manyGap <= 1.25 * bare.median())));
    }

    private static Table table(Workspace workspace, Phases agent, Measured agentAfterSession, Measured floor,
                               Measured floorAfterSession, Shared shared, Stats bare, int manyClasses,
                               int sessionSaves) {
        Table table = new Table("Loop pause: longest gap between ticks of a 1 kHz loop, per window of about 600 ms (ms)",
                "agent", "window", "windows", "median longest gap", "worst longest gap", "median over no reload",
                "median redefinition safepoint");
        String many = String.format("%,d-class", manyClasses);
        String session = "one-class reload, after " + sessionSaves + " more saves";
        phaseRows(table, "reload-agent", agent, many);
        table.row(row("reload-agent", many + " reload", agent.among(), manyClasses));
        table.row(row("reload-agent", session, agentAfterSession, 1));
        table.row(row("reference", "no reload", floor, 0));
        table.row(row("reference", "one-class reload", floor, 1));
        table.row(row("reference", session, floorAfterSession, 1));
        table.row(row("reload-agent, reference agent loaded", "no reload, before any large reload", shared.agent(),
                0));
        table.row(row("reload-agent, reference agent loaded", "one-class reload, before any large reload",
                shared.agent(), 1));
        phaseRows(table, "reference, reload-agent loaded", shared.reference(), many);
        table.row("bare redefineClasses, no loop", many + " reload",
                String.valueOf(bare.count()), "", "", "", Stats.ms(bare.median()));
        table.row(row("bare redefineClasses, reload-agent loaded", "no reload", shared.bare(), 0));
        table.row(row("bare redefineClasses, reload-agent loaded", many + " reload", shared.bare(), manyClasses));
        table.note(workspace.classCount() + " classes loaded; reload-agent with default settings. A tick is due every"
                + " 1 ms, so a gap of 1.1 ms is no pause at all. Redefinition safepoint: how long each redefinition"
                + " stopped every thread, from the JVM's own log (-Xlog:safepoint, reaching it included): the JVM's"
                + " work, which grows with the classes and compiled code in the program; the rest of a gap is other"
                + " threads taking the loop's core. Each child makes its one-class windows first, with no large reload"
                + " (\"before any large reload\", as the reference agent's child makes all of its windows), then"
                + " one-class and " + many + " windows in turn (\"after " + many + " reloads\"): the code compiled for"
                + " the large reloads stays, and every later redefinition walks it, so the budget compares the first"
                + " with the reference, and each is set beside the \"reference, reload-agent loaded\" row of the same"
                + " order. \"reference, reload-agent loaded\": the reference agent redefines C0 (its class file"
                + " as reload-agent runs it) in a program that runs reload-agent too, with the windows of reload-agent's"
                + " rows in the same order, the " + many + " reloads made by reload-agent: the floor for a program that"
                + " holds reload-agent's classes and the code compiled for its reloads. That program first makes"
                + " reload-agent's own one-class windows (\"reload-agent, reference agent loaded\"), so that the"
                + " reference agent's come after the code compiled for reload-agent's one-class reloads, as in"
                + " reload-agent's own child: the two rows of one-class reloads are one program's, the same class"
                + " redefined at the asking of each agent, reload-agent's first. Its " + many + " reloads"
                + " include C0, which the reference agent redefined since, a case reload-agent's own child never has:"
                + " it first recovers the class file the JVM runs (one more safepoint), and that path leaves more"
                + " classes and compiled code in the program. \"bare redefineClasses\": one"
                + " Instrumentation.redefineClasses call of the same classes with the same bytes, read beforehand, in a"
                + " program with the same classes loaded and no agent at work (BareRedefine): the floor of a large"
                + " reload's pause. \"bare redefineClasses, reload-agent loaded\": that call, made by the reference"
                + " agent with the same bytes (each file read just before it), in the program of the \"reference,"
                + " reload-agent loaded\" rows after all their windows, the loop running: the floor of a large reload's"
                + " pause in a program that holds reload-agent's classes and the code compiled for its batches"
                + " (reload-agent's transformers see the call, as they see any agent's). \"after " + sessionSaves
                + " more saves\": the last windows of reload-agent's child and of the reference agent's, once each"
                + " agent reloaded C0 that many times more, one save after the other, as a long session of edits does"
                + " (set each beside the same child's one-class row before it; no budget): each save leaves the JVM's"
                + " old compiled copies of the code that ran the class, which every later redefinition walks.");
        return table;
    }

    /** Adds the rows of a child's two phases: one-class windows alone, then among the many-class ones. */
    private static void phaseRows(Table table, String agent, Phases phases, String many) {
        table.row(row(agent, "no reload, before any large reload", phases.alone(), 0));
        table.row(row(agent, "one-class reload, before any large reload", phases.alone(), 1));
        table.row(row(agent, "no reload, among " + many + " reloads", phases.among(), 0));
        table.row(row(agent, "one-class reload, after " + many + " reloads", phases.among(), 1));
    }

    /**
     * {@return the windows of a child's two phases}: one-class windows only, as the reference agent's child makes
     * them, then one-class and many-class windows in turn
     */
    private static Phases phases(ChildJvm child, SafepointLog log, Writes writes, int rounds, int manyClasses)
            throws Exception {
        Measured alone = measure(child, log, writes, rounds, new int[] {1});
        return new Phases(alone, windows(child, log, writes, rounds, new int[] {1, manyClasses}));
    }

    /**
     * What one child showed in its two phases.
     *
     * @param alone the windows before any many-class reload
     * @param among the windows after those, one-class and many-class reloads in turn
     */
    private record Phases(Measured alone, Measured among) {
    }

    /**
     * {@return one-class windows made after {@code saves} saves of C0, each written once the one before runs}: the
     * pause a long session of edits leaves
     */
    private static Measured afterSession(ChildJvm child, SafepointLog log, Writes writes, int rounds, int saves)
            throws Exception {
        for (int i = 0; i < saves; i++) {
            int version = i % 2 == 0 ? 2 : 1; // ends on version 1, where the windows start
            int mark = child.stdoutMark();
            writes.write(1, version);
            child.awaitStdoutAfter(mark, "^version v" + version + " at ");
            Thread.sleep(SESSION_GAP_MILLIS);
        }
        return windows(child, log, writes, rounds, new int[] {1});
    }

    /** {@return the median safepoint of the one-class redefinitions, in milliseconds} */
    private static String safepoint(Measured measured) {
        return Stats.ms(measured.safepoints().get(1).median());
    }

    /** {@return how much longer the median one-class window's longest gap was than the median no-reload one's} */
    private static double overNoReload(Measured measured) {
        return measured.gaps().get(1).median() - measured.gaps().get(0).median();
    }

    /**
     * {@return what the program that runs reload-agent and the reference agent showed}: reload-agent's own one-class
     * windows, then the windows of reload-agent's own child in the same order, the one-class reloads made by the
     * reference agent, then the many-class reload as one bare call by the reference agent
     *
     * @param reloadAgentWrites writes the class files reload-agent watches, as for its own child
     */
    private static Shared measureShared(Workspace workspace, Path classes, Writes reloadAgentWrites, int rounds,
                                        int manyClasses) throws Exception {
        SafepointLog log = new SafepointLog(workspace.root().resolve("safepoints-reference-with-agent.log"));
        Path referenceRoot = workspace.preparedRoot();
        try (ChildJvm child = workspace.program(classes, "loop", true).jvmOption(log.jvmOption())
                .jvmOption("-javaagent:" + workspace.referenceAgent() + "=" + referenceRoot).start()) {
            // A redefinition walks all compiled code, and what the JIT compiles for reload-agent's batches stays.
            Writes writes = (count, version) -> {
                if (count == 1) {
                    workspace.writePrepared(referenceRoot, version);
                } else {
                    reloadAgentWrites.write(count, version);
                }
            };
            // reload-agent's own one-class reloads come first, so that the reference agent's run in a program that
            // holds the code compiled for them, as reload-agent's own child does at its one-class windows.
            Measured agent = measure(child, log, reloadAgentWrites, rounds, new int[] {1});
            Phases reference = new Phases(windows(child, log, writes, rounds, new int[] {1}),
                    windows(child, log, writes, rounds, new int[] {1, manyClasses}));
            // The loop runs as in reload-agent's own many-class windows, in the program those windows left.
            Measured bare = windows(child, log, (count, version) -> workspace.writeBatch(referenceRoot, count, version),
                    rounds, new int[] {manyClasses});
            return new Shared(agent, reference, bare);
        }
    }

    /**
     * What the program that runs both agents showed.
     *
     * @param agent the windows of reload-agent's own one-class reloads, before any of the reference agent's
     * @param reference the windows of reload-agent's rows, the one-class reloads made by the reference agent
     * @param bare the windows of the many-class reload made as one bare call by the reference agent, after those
     */
    private record Shared(Measured agent, Phases reference, Measured bare) {
    }

    /** {@return the safepoints of bare {@code redefineClasses} calls of the first {@code classes} classes} */
    private static Stats bareSafepoints(Workspace workspace, int trials, int classes) throws Exception {
        SafepointLog log = new SafepointLog(workspace.root().resolve("safepoints-bare.log"));
        BatchBench.runBare(workspace, List.of(classes), trials, 0, "", List.of(log.jvmOption()));
        return Stats.of(log.newRedefinitions());
    }

    /**
     * What one child JVM showed.
     *
     * @param gaps the longest gap of each window, by how many classes were reloaded in it (0: none)
     * @param safepoints how long each redefinition stopped the program, by how many classes the window reloaded
     */
    private record Measured(Map<Integer, Stats> gaps, Map<Integer, Stats> safepoints) {
    }

    /** Replaces the class files of the first {@code count} classes with version {@code version}. */
    @FunctionalInterface
    private interface Writes {
        void write(int count, int version) throws IOException;
    }

    private static Measured measure(ChildJvm child, SafepointLog log, Writes writes, int rounds, int[] kinds)
            throws Exception {
        child.awaitStdout("^version v1 at ");
        Thread.sleep(2000); // the loop's code is compiled by now, as in a game that has been running
        window(child, writes, 0, 0);
        return windows(child, log, writes, rounds, kinds);
    }

    /**
     * {@return what {@code rounds} rounds of windows showed}: for each kind of reload in {@code kinds}, a window with
     * no reload, then one with a reload there and one back.
     */
    private static Measured windows(ChildJvm child, SafepointLog log, Writes writes, int rounds, int[] kinds)
            throws Exception {
        Map<Integer, List<Long>> gaps = new LinkedHashMap<>();
        Map<Integer, List<Long>> safepoints = new LinkedHashMap<>();
        gaps.put(0, new ArrayList<>());
        log.newRedefinitions();
        for (int r = 0; r < rounds; r++) {
            for (int kind : kinds) {
                gaps.get(0).add(window(child, writes, 0, 0));
                List<Long> reloads = gaps.computeIfAbsent(kind, k -> new ArrayList<>());
                List<Long> redefinitions = safepoints.computeIfAbsent(kind, k -> new ArrayList<>());
                for (int version : new int[] {2, 1}) {
                    reloads.add(window(child, writes, kind, version));
                    redefinitions.addAll(log.newRedefinitions());
                }
            }
        }
        return new Measured(statsOf(gaps), statsOf(safepoints));
    }

    private static Map<Integer, Stats> statsOf(Map<Integer, List<Long>> nanos) {
        Map<Integer, Stats> stats = new LinkedHashMap<>();
        nanos.forEach((kind, list) -> {
            if (!list.isEmpty()) {
                stats.put(kind, Stats.of(list));
            }
        });
        return stats;
    }

    /**
     * {@return the longest gap of one window, during which the first {@code classes} classes are reloaded to
     * {@code version}; none when {@code classes} is 0}
     */
    private static long window(ChildJvm child, Writes writes, int classes, int version) throws Exception {
        int mark = child.stdoutMark();
        child.send("report"); // ends the previous window
        child.awaitStdoutAfter(mark, "^window max gap ");
        mark = child.stdoutMark();
        Thread.sleep(SETTLE_MILLIS);
        if (classes > 0) {
            writes.write(classes, version);
            child.awaitStdoutAfter(mark, "^version v" + version + " at ");
        }
        Thread.sleep(SETTLE_MILLIS);
        int reportMark = child.stdoutMark();
        child.send("report");
        String line = child.awaitStdoutAfter(reportMark, "^window max gap ");
        return Long.parseLong(line.split(" ")[3]);
    }

    private static String[] row(String agent, String window, Measured measured, int kind) {
        Stats stats = measured.gaps().get(kind);
        Stats normal = measured.gaps().get(0);
        Stats safepoints = measured.safepoints().get(kind);
        return new String[] {agent, window, String.valueOf(stats.count()), Stats.ms(stats.median()),
                Stats.ms(stats.max()), kind == 0 ? "" : Stats.signedMs(stats.median() - normal.median()),
                safepoints == null ? "" : Stats.ms(safepoints.median())};
    }
}
