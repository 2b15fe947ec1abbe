package dev.reload.agent.bench;

import dev.reload.agent.bench.reference.BareRedefine;
import dev.reload.agent.bench.reference.ReferenceAgent;
import dev.reload.fixtures.generate.ManyClasses;
import dev.reload.fixtures.harness.ChildJvm;
import dev.reload.fixtures.harness.DynamicAttach;
import dev.reload.fixtures.harness.Jdks;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Many classes changed at once: the generated program with every class loaded, and the first N class
 * files overwritten in one burst (C0, which the program polls, last). reload-agent's time runs from just
 * after the last write to the moment the program sees C0's new version; since a batch is redefined in one
 * call, that is when the whole batch is running. The budget's floor is one bare {@code redefineClasses} of the
 * same N classes with the same bytes, timed inside a child JVM by {@link BareRedefine}; beside it, the same bursts
 * timed the same way with {@link ReferenceAgent}'s {@value ReferenceAgent#BATCH} mode, which reads each file at its
 * event and makes one call at C0's: the least an agent reloading a burst from files must do. The budget takes the
 * bursts a program meets after it starts, the agent's own code still running in the interpreter or compiled while they
 * go on; beside them, the same bursts of each size in a program of its own once as many went before (sizes below the
 * largest, whose aftermath slows every later redefinition): what is left once the JIT has compiled the agent's code.
 * Three more floors split what is left: the bare call with one class-load hook (a transformer that returns at once),
 * and, in each warm program after its bursts, by the reference agent loaded into it then, the bare call and the same
 * bursts read and batched as the reference agent does in a program of its own, written to a copy of the classes
 * that reload-agent does not watch: the least an agent reloading a burst from files must do, in a program that holds
 * reload-agent. Every program logs its safepoints, so that each call is split into the time it stopped every thread
 * and the rest, the part a class-load hook lengthens.
 */
final class BatchBench {
    private static final Duration LONG_WAIT = Duration.ofMinutes(2);
    /** A report line of reload-agent's for one redefinition. */
    private static final String RELOAD_REPORT = "^\\[reload\\] \\d+ class(es)? in .*";
    /** The reference agent's line for one call, made or failed. */
    private static final String REFERENCE_REPORT = "^\\[reference\\] (redefined )?\\d+ class(es)? .*";

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
        Bursts agent = measure(workspace, sizes, trials, true, false, Writer.RENAMED);
        Bursts inPlace = measure(workspace, sizes, trials, true, false, Writer.IN_PLACE);
        Bursts reference = measure(workspace, sizes, trials, false, false, Writer.RENAMED);
        Bursts warmBursts = measureWarm(workspace, sizes.subList(0, sizes.size() - 1), trials);
        warmBursts.mostCalls().forEach((size, calls) -> agent.mostCalls().merge(size, calls, Math::max));
        Map<Integer, List<Long>> warm = warmBursts.nanos();
        Calls bareCalls = measureBare(workspace, sizes, trials, 0, "");
        Calls hookedCalls = measureBare(workspace, sizes, trials, 0, ReferenceAgent.OBSERVE);
        Map<Integer, List<Long>> bare = bareCalls.nanos();
        Map<Integer, List<Long>> hooked = hookedCalls.nanos();
        Map<Integer, List<Long>> bareAfter = measureBare(workspace, warm.keySet().stream().sorted().toList(), trials,
                trials, "").nanos();
        Map<Integer, List<Long>> laden = warmBursts.bareCalls().nanos();
        Map<Integer, List<Long>> readingLaden = warmBursts.readingBursts();
        Table table = new Table("Batch: N classes changed at once (median of " + trials + ", ms)",
                "classes", "reload-agent: last write to running", "reload-agent, warm", "reload-agent, written in place",
                "reference agent reading the files", "bare redefineClasses", "bare, one class-load hook",
                "bare, after as many calls", "bare, reload-agent loaded",
                "reference agent reading the files, reload-agent loaded", "ratio to bare", "warm to bare",
                "warm to bare, reload-agent loaded", "warm to reference, reload-agent loaded",
                "ratio to reference", "reload batches", "reload batches, in place", "reference batches");
        List<BudgetCheck> budgets = new ArrayList<>();
        for (int size : sizes) {
            double agentMedian = Stats.of(agent.nanos().get(size)).median();
            double referenceMedian = Stats.of(reference.nanos().get(size)).median();
            double bareMedian = Stats.of(bare.get(size)).median();
            double hookedMedian = Stats.of(hooked.get(size)).median();
            boolean warmed = warm.containsKey(size);
            double warmMedian = warmed ? Stats.of(warm.get(size)).median() : Double.NaN;
            double afterMedian = warmed ? Stats.of(bareAfter.get(size)).median() : Double.NaN;
            double ladenMedian = warmed ? Stats.of(laden.get(size)).median() : Double.NaN;
            double readingLadenMedian = warmed ? Stats.of(readingLaden.get(size)).median() : Double.NaN;
            double inPlaceMedian = Stats.of(inPlace.nanos().get(size)).median();
            table.row(String.format("%,d", size), Stats.ms(agentMedian), warmed ? Stats.ms(warmMedian) : "",
                    Stats.ms(inPlaceMedian),
                    Stats.ms(referenceMedian), Stats.ms(bareMedian), Stats.ms(hookedMedian),
                    warmed ? Stats.ms(afterMedian) : "", warmed ? Stats.ms(ladenMedian) : "",
                    warmed ? Stats.ms(readingLadenMedian) : "", Stats.ratio(agentMedian, bareMedian),
                    warmed ? Stats.ratio(warmMedian, bareMedian) : "",
                    warmed ? Stats.ratio(warmMedian, ladenMedian) : "",
                    warmed ? Stats.ratio(warmMedian, readingLadenMedian) : "",
                    Stats.ratio(agentMedian, referenceMedian),
                    String.valueOf(agent.mostCalls().get(size)), String.valueOf(inPlace.mostCalls().get(size)),
                    String.valueOf(reference.mostCalls().get(size)));
            double budget = size == 1000 ? 1.5 : size == 100 ? 3 : 0;
            if (budget > 0) {
                budgets.add(new BudgetCheck(String.format("%,d changed classes in one batch", size),
                        "<= " + Stats.ratio(budget, 1) + " bare redefineClasses", Stats.ratio(agentMedian, bareMedian)
                        + " (" + Stats.ms(agentMedian) + " vs " + Stats.ms(bareMedian) + " ms; "
                        + (warmed ? "warm " + Stats.ratio(warmMedian, bareMedian) + "; " : "")
                        + "written in place " + Stats.ratio(inPlaceMedian, bareMedian) + "; "
                        + "reference agent reading the files: " + Stats.ms(referenceMedian) + " ms; bare with one"
                        + " class-load hook " + Stats.ms(hookedMedian) + (warmed ? ", after as many calls "
                        + Stats.ms(afterMedian) + ", with reload-agent loaded " + Stats.ms(ladenMedian)
                        + " ms; reference agent reading the files with reload-agent loaded "
                        + Stats.ms(readingLadenMedian) + " ms, " + Stats.ratio(readingLadenMedian, bareMedian)
                        + " bare" : "") + ")", agentMedian <= budget * bareMedian));
            }
        }
        table.note(note(workspace, trials, agent.nanos(), inPlace.nanos(), warm, laden, readingLaden));
        return new Section(List.of(table, stagesTable(trials, agent.stages(), warmBursts.stages(), laden),
                callTable(trials, agent.stages(), warmBursts.stages(), bareCalls, hookedCalls,
                        warmBursts.bareCalls())), budgets);
    }

    /**
     * {@return each program's {@code redefineClasses} call split into the time it stopped every thread (the
     * redefinition's safepoint, from the JVM's own log) and the rest (the JVM reading, checking and merging the new
     * classes, and calling every class-load hook for each): which of the two a program's weight or a hook lengthens}
     */
    private static Table callTable(int trials, Map<Integer, List<AgentStages>> firstPass,
                                   Map<Integer, List<AgentStages>> warm, Calls bare, Calls hooked, Calls laden) {
        Table table = new Table("Batch: the redefineClasses call, split by the JVM's safepoint log (median of the "
                + trials + " calls or bursts above, ms)", "classes", "program", "redefineClasses",
                "every thread stopped", "the rest of the call");
        for (int size : new TreeMap<>(bare.nanos()).keySet()) {
            if (firstPass.containsKey(size)) {
                callRow(table, size, "reload-agent, first pass", agentCalls(firstPass.get(size)));
            }
            if (warm.containsKey(size)) {
                callRow(table, size, "reload-agent, warm", agentCalls(warm.get(size)));
            }
            callRow(table, size, "bare redefineClasses", bare.of(size));
            callRow(table, size, "bare, one class-load hook", hooked.of(size));
            if (!laden.of(size).isEmpty()) {
                callRow(table, size, "bare, reload-agent loaded", laden.of(size));
            }
        }
        return table.note("The JVM makes a redefinition in two parts: on the calling thread it reads each new class"
                + " file, calls every registered class-load hook with it, checks it and merges its constant pool,"
                + " while the program runs on; then, at a safepoint, it stops every thread to swap the classes in and"
                + " walks every loaded class and all compiled code for what refers to the old versions (-Xlog:safepoint"
                + ", \"RedefineClasses\", reaching it included). \"every thread stopped\" is the sum of a call's or"
                + " a burst's redefinition safepoints; \"the rest of the call\" is the call less them, call by call. A"
                + " class-load hook lengthens the first part; what a program holds (its classes, the code the JIT"
                + " compiled for it) the second. reload-agent's call is its debug line's, summed over the burst's"
                + " batches.");
    }

    private static void callRow(Table table, int size, String program, List<Call> calls) {
        if (calls.isEmpty()) {
            return;
        }
        List<Long> total = new ArrayList<>();
        List<Long> stopped = new ArrayList<>();
        List<Long> rest = new ArrayList<>();
        for (Call call : calls) {
            total.add(call.nanos());
            stopped.add(call.stopped());
            rest.add(call.nanos() - call.stopped());
        }
        table.row(String.format("%,d", size), program, Stats.ms(Stats.of(total).median()),
                Stats.ms(Stats.of(stopped).median()), Stats.ms(Stats.of(rest).median()));
    }

    /** {@return each burst's call and how long its redefinitions stopped every thread} */
    private static List<Call> agentCalls(List<AgentStages> stages) {
        List<Call> calls = new ArrayList<>();
        for (AgentStages each : stages) {
            calls.add(new Call(each.call(), each.stopped()));
        }
        return calls;
    }

    /** {@return where reload-agent's time went in the bursts of the first table, from its debug line after each} */
    private static Table stagesTable(int trials, Map<Integer, List<AgentStages>> firstPass,
                                     Map<Integer, List<AgentStages>> warm, Map<Integer, List<Long>> laden) {
        Table table = new Table("Batch: where reload-agent's time went (median of the " + trials + " bursts above, ms)",
                "classes", "bursts", "last write to the batch handed out",
                "of it, after reload-agent saw the last write", "judging and planning", "redefineClasses",
                "settle period, wait, defining and recording", "bare, reload-agent loaded");
        for (int size : new TreeMap<>(firstPass).keySet()) {
            stagesRow(table, size, "first pass", firstPass.get(size), "");
            if (warm.containsKey(size)) {
                stagesRow(table, size, "warm", warm.get(size), Stats.ms(Stats.of(laden.get(size)).median()));
            }
        }
        return table.note("From reload-agent's debug line after each batch's report (log=debug in these programs"
                + " only): the time from the burst's last rename to the batch handed out to the reload thread is the"
                + " burst's time less the stages after it up to the call, which the burst's time ends with (the class"
                + " files read, the wait for the burst's end, the watcher's checks); of it, reload-agent's own figure"
                + " from its last event of the burst to the batch handed out (the rest is the file system's events"
                + " reaching the agent); the redefineClasses call is made in a program holding reload-agent, as is the"
                + " bare call beside it, made by the reference agent after the warm bursts.");
    }

    private static void stagesRow(Table table, int size, String pass, List<AgentStages> stages, String laden) {
        table.row(String.format("%,d", size), pass, Stats.ms(median(stages, AgentStages::handOut)),
                Stats.ms(median(stages, AgentStages::afterLastWrite)), Stats.ms(median(stages, AgentStages::judging)),
                Stats.ms(median(stages, AgentStages::call)), Stats.ms(median(stages, AgentStages::other)), laden);
    }

    private static double median(List<AgentStages> stages, ToLongFunction<AgentStages> stage) {
        return Stats.of(stages.stream().map(stage::applyAsLong).toList()).median();
    }

    /** {@return the table's note: what each column is, and every burst and reload-agent-loaded bare call in order} */
    private static String note(Workspace workspace, int trials, Map<Integer, List<Long>> firstPass,
                               Map<Integer, List<Long>> inPlace, Map<Integer, List<Long>> warm,
                               Map<Integer, List<Long>> laden, Map<Integer, List<Long>> readingLaden) {
        return "reload batches, reference batches: the most redefinitions each agent made for one burst of"
                + " writes (1 = the burst was applied as one atomic batch). " + workspace.classCount()
                + " classes loaded in every program. \"reference agent reading the files\": ReferenceAgent "
                + ReferenceAgent.BATCH + ", the same program and bursts, timed the same way; it reads each class"
                + " file at its event and keeps its bytes, and at C0's event makes one redefineClasses of every class"
                + " kept (on a lost-events overflow it lists the directory and reads each file whose size or"
                + " modification time changed). That C0 ends the burst is an oracle no real agent has: this is a"
                + " floor, with no quiet period, no checks and no batching rules; \"reload batches\" counts the"
                + " warm bursts too. The budget takes reload-agent's bursts as a program meets them after it starts,"
                + " each size's after the smaller sizes' (in order, ms: " + inOrder(firstPass) + "). Its files are"
                + " written under a temporary name, then renamed over the old ones, as tools that replace class files"
                + " atomically do, a burst that holds together on a busy machine; reload-agent reads them before their"
                + " renames, the reference agent at them. \"reload-agent, written in place\": the same bursts in a"
                + " program of their own, each file written over its old one as javac and IDEs write (C0 last), timed"
                + " from the last write (in order: " + inOrder(inPlace) + ")."
                + " \"reload-agent, warm\": the same bursts of each size in a program of its own, once " + trials
                + " bursts of that size went before, the agent's code compiled by the JIT (in order: " + inOrder(warm)
                + "); not for the largest size, whose bursts slow every later redefinition of the program."
                + " \"bare, one class-load hook\": the bare call with one transformer registered that returns at once"
                + " (ReferenceAgent " + ReferenceAgent.OBSERVE + "): the JVM calls every transformer for each class a"
                + " redefinition brings, and an agent that prepares classes as they load has one. \"bare, after as"
                + " many calls\": the bare call once as many untimed calls of its size went before, in a program of"
                + " no agent: the floor for a program redefined as often as the warm bursts' was. \"bare, reload-agent"
                + " loaded\": the same bare call, made by the reference agent loaded into each size's warm program"
                + " after its bursts (so reload-agent, not told of it at start, keeps its one class-load hook): the"
                + " call's floor in a program holding reload-agent's hook, classes and the code compiled for its"
                + " batches (in order: " + inOrder(laden) + "); \"warm to bare, reload-agent loaded\" is what"
                + " reload-agent's own work around the call adds to it. \"reference agent reading the files,"
                + " reload-agent loaded\": the same bursts, made after those bare calls in the same program, written"
                + " to a copy of the classes that reload-agent does not watch, read and batched by the reference agent"
                + " loaded then, as in a program of its own (in order: " + inOrder(readingLaden) + "): the least an"
                + " agent reloading a burst from files must do, in a program holding reload-agent's hook, classes and"
                + " the code compiled for its batches; \"warm to reference, reload-agent loaded\" is what"
                + " reload-agent's reading, judging, planning and checks add to it.";
    }

    /**
     * The medians' material of one agent: the nanoseconds from each burst's last rename to C0's new version seen, the
     * most redefinitions made for one burst, the bare calls (with their safepoints) and the nanoseconds of the
     * reference agent's bursts made in its program after the bursts (warm bursts only), and where reload-agent's time
     * went in each burst (when its debug line said so), by size.
     */
    private record Bursts(Map<Integer, List<Long>> nanos, Map<Integer, Integer> mostCalls,
                          Calls bareCalls, Map<Integer, List<Long>> readingBursts,
                          Map<Integer, List<AgentStages>> stages) {
        Bursts() {
            this(new HashMap<>(), new HashMap<>(), new Calls(), new HashMap<>(), new HashMap<>());
        }
    }

    /**
     * One {@code redefineClasses} call, or a burst's calls summed, nanoseconds.
     *
     * @param nanos how long the call took
     * @param stopped how long its redefinitions stopped every thread, by the JVM's safepoint log
     */
    private record Call(long nanos, long stopped) {
    }

    /** Bare {@code redefineClasses} calls of one program, by size, in the order made. */
    private record Calls(Map<Integer, List<Call>> bySize) {
        Calls() {
            this(new HashMap<>());
        }

        void add(int size, Call call) {
            bySize.computeIfAbsent(size, k -> new ArrayList<>()).add(call);
        }

        void addAll(Calls more) {
            bySize.putAll(more.bySize);
        }

        /** {@return the calls of that size, empty when none} */
        List<Call> of(int size) {
            return bySize.getOrDefault(size, List.of());
        }

        /** {@return how long each call took, by size} */
        Map<Integer, List<Long>> nanos() {
            Map<Integer, List<Long>> nanos = new HashMap<>();
            bySize.forEach((size, calls) -> nanos.put(size, calls.stream().map(Call::nanos).toList()));
            return nanos;
        }
    }

    /**
     * Where one burst's time went once reload-agent had it, its batches' stages summed, nanoseconds each.
     *
     * @param handOut from the burst's last rename to the batch handed out: the burst's time less the stages after, up
     *     to the call
     * @param afterLastWrite of {@code handOut}, from reload-agent's last event of the burst, by its own clock
     * @param judging judging and planning
     * @param call the {@code redefineClasses} call
     * @param other the end of a settle period, the wait to be applied, defining new classes and recording
     * @param stopped how long the burst's redefinitions stopped every thread, by the JVM's safepoint log
     */
    private record AgentStages(long handOut, long afterLastWrite, long judging, long call, long other, long stopped) {
    }

    /** How a burst's class files are written. */
    private enum Writer {
        /** Each under a temporary name, then all renamed over the old ones ({@link Workspace#write}). */
        RENAMED,
        /** Each over its old one, as javac and IDEs write ({@link Workspace#writeInPlace}). */
        IN_PLACE
    }

    /** {@return each size's bursts in the order made, in ms, for the table's note} */
    private static String inOrder(Map<Integer, List<Long>> nanos) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<Integer, List<Long>> each : new TreeMap<>(nanos).entrySet()) {
            text.append(text.length() == 0 ? "" : "; ").append(String.format("%,d", each.getKey())).append(':');
            for (long burst : each.getValue()) {
                text.append(' ').append(Stats.ms(burst));
            }
        }
        return text.toString();
    }

    /** {@return reload-agent's warm bursts and the bare calls after them, each size's in a program of its own} */
    private static Bursts measureWarm(Workspace workspace, List<Integer> sizes, int trials) throws Exception {
        Bursts all = new Bursts();
        for (int size : sizes) {
            Bursts one = measure(workspace, List.of(size), trials, true, true, Writer.RENAMED);
            all.nanos().putAll(one.nanos());
            all.mostCalls().putAll(one.mostCalls());
            all.bareCalls().addAll(one.bareCalls());
            all.readingBursts().putAll(one.readingBursts());
            all.stages().putAll(one.stages());
        }
        return all;
    }

    /**
     * {@return the bursts' times with reload-agent (default settings) or with the batching reference agent}, in a
     * program of their own
     *
     * @param reloadAgent true for reload-agent, false for {@link ReferenceAgent}'s {@value ReferenceAgent#BATCH} mode
     * @param warm true to make as many untimed bursts of each size before its timed ones, and then, for reload-agent,
     *     as many bare calls and bursts read by the reference agent of each size, that agent loaded into the program
     *     after the bursts
     * @param writer how each burst's class files are written
     */
    private static Bursts measure(Workspace workspace, List<Integer> sizes, int trials, boolean reloadAgent,
                                  boolean warm, Writer writer) throws Exception {
        Path classes = workspace.freshCopy();
        ChildJvm.Builder program = workspace.program(classes, "poll", false);
        SafepointLog log = new SafepointLog(workspace.root().resolve("safepoints-batch-" + System.nanoTime() + ".log"));
        program.jvmOption(log.jvmOption());
        if (!reloadAgent) {
            program.agent(workspace.referenceAgent(), ReferenceAgent.BATCH + ManyClasses.PACKAGE + ".C0:" + classes);
        } else {
            program.reloadAgent("log=debug"); // the line after each report that says where the time went
            if (warm) {
                DynamicAttach.allowed(Jdks.current(), program);
            }
        }
        Bursts bursts = new Bursts();
        try (ChildJvm child = program.start()) {
            child.awaitStdout("^version v1 at ");
            Thread.sleep(1000);
            for (int size : sizes) {
                if (warm) {
                    Bursts untimed = new Bursts();
                    burst(child, log, workspace, classes, size, trials, untimed, reloadAgent, writer);
                    bursts.mostCalls().putAll(untimed.mostCalls());
                }
                burst(child, log, workspace, classes, size, trials, bursts, reloadAgent, writer);
            }
            if (warm && reloadAgent) {
                Path unwatched = workspace.freshCopy();
                DynamicAttach.loadAgent(child, workspace.referenceAgent(),
                        ReferenceAgent.BATCH + ManyClasses.PACKAGE + ".C0:" + unwatched);
                bursts.bareCalls().addAll(bareCallsAfterwards(child, log, workspace, unwatched, sizes, trials));
                Bursts reading = new Bursts();
                for (int size : sizes) {
                    burst(child, log, workspace, unwatched, size, trials, reading, false, Writer.RENAMED);
                }
                bursts.readingBursts().putAll(reading.nanos());
            }
        }
        return bursts;
    }

    /**
     * {@return the nanoseconds of each bare call of each size, v2 and v1 in turn, made by the reference agent loaded
     * into the child after reload-agent's bursts}: late, so that reload-agent keeps the one class-load hook it runs
     * with when no other agent came with the program
     *
     * @param log the child's safepoint log, never null
     * @param prepared the directory the reference agent watches, which reload-agent does not, never null
     */
    private static Calls bareCallsAfterwards(ChildJvm child, SafepointLog log, Workspace workspace, Path prepared,
                                             List<Integer> sizes, int trials) throws Exception {
        Calls calls = new Calls();
        log.newRedefinitions(); // the bursts' and the attach's, read already
        for (int size : sizes) {
            for (int t = 0; t < trials; t++) {
                int errMark = child.stderrMark();
                workspace.writeBatch(prepared, size, t % 2 == 0 ? 2 : 1);
                String line = child.awaitStderrAfter(errMark,
                        "^\\[reference\\] bare call of " + size + " classes took \\d+ ns$");
                long callNanos = Long.parseLong(line.split(" ")[7]);
                Thread.sleep(300); // as between bursts
                calls.add(size, new Call(callNanos, sum(log.newRedefinitions())));
            }
        }
        return calls;
    }

    private static long sum(List<Long> nanos) {
        long sum = 0;
        for (long each : nanos) {
            sum += each;
        }
        return sum;
    }

    /**
     * Makes {@code trials} bursts of {@code size} class files, v2 and v1 in turn, and notes in {@code bursts} the
     * nanoseconds from each burst's last rename to C0's new version seen, the most redefinitions made for one of
     * them, and where reload-agent's time went when its debug line says so.
     */
    private static void burst(ChildJvm child, SafepointLog log, Workspace workspace, Path classes, int size, int trials,
                              Bursts bursts, boolean reloadAgent, Writer writer) throws Exception {
        for (int t = 0; t < trials; t++) {
            int version = t % 2 == 0 ? 2 : 1;
            int mark = child.stdoutMark();
            int errMark = child.stderrMark();
            long written = writer == Writer.IN_PLACE ? workspace.writeInPlace(classes, size, version)
                    : workspace.write(classes, size, version);
            String seen = child.awaitStdoutAfter(mark, "^version v" + version + " at ");
            long nanos = Long.parseLong(seen.substring(seen.lastIndexOf(' ') + 1)) - written;
            bursts.nanos().computeIfAbsent(size, k -> new ArrayList<>()).add(nanos);
            Thread.sleep(300); // the report line follows the redefinition; the next burst starts clean
            bursts.mostCalls().merge(size, linesAfter(child, errMark, reloadAgent ? RELOAD_REPORT : REFERENCE_REPORT),
                    Math::max);
            stagesAfter(child, errMark, nanos, sum(log.newRedefinitions()))
                    .ifPresent(stages -> bursts.stages().computeIfAbsent(size, k -> new ArrayList<>()).add(stages));
        }
    }

    /**
     * {@return the stages of reload-agent's debug lines since the mark, summed; empty when it printed none} The burst's
     * time ends when the program sees C0's new version, just after the call: defining and recording come after it, so
     * only the stages up to the call are taken from the burst's time to leave the part before the batch went out.
     */
    private static Optional<AgentStages> stagesAfter(ChildJvm child, int errMark, long burstNanos, long stopped) {
        List<String> lines = child.stderr();
        double afterLastWrite = 0;
        double judging = 0;
        double call = 0;
        double waits = 0;
        double rest = 0;
        boolean any = false;
        for (String line : lines.subList(errMark, lines.size())) {
            Optional<ReloadTimesLine> times = ReloadTimesLine.parse(line);
            if (times.isPresent()) {
                any = true;
                afterLastWrite += times.get().afterWrites();
                judging += times.get().judging();
                call += times.get().call();
                waits += times.get().settling() + times.get().waiting();
                rest += times.get().rest();
            }
        }
        return any ? Optional.of(new AgentStages(burstNanos - nanos(judging + waits + call), nanos(afterLastWrite),
                nanos(judging), nanos(call), nanos(waits + rest), stopped)) : Optional.empty();
    }

    private static long nanos(double ms) {
        return Math.round(ms * 1e6);
    }

    private static int linesAfter(ChildJvm child, int errMark, String regex) {
        List<String> lines = child.stderr();
        int reports = 0;
        for (String line : lines.subList(errMark, lines.size())) {
            if (line.matches(regex)) {
                reports++;
            }
        }
        return reports;
    }

    /**
     * @param untimed the calls of each size before its timed ones
     * @param agentArgument the reference agent's argument: empty, or {@value ReferenceAgent#OBSERVE} for a hook
     */
    private static Calls measureBare(Workspace workspace, List<Integer> sizes, int trials, int untimed,
                                     String agentArgument) throws Exception {
        SafepointLog log = new SafepointLog(workspace.root().resolve("safepoints-bare-" + System.nanoTime() + ".log"));
        List<Long> timed = new ArrayList<>();
        for (String line : runBare(workspace, sizes, trials, untimed, agentArgument, List.of(log.jvmOption()))) {
            String[] words = line.split(" ");
            if (words.length == 3 && words[0].equals("bare")) {
                timed.add(Long.parseLong(words[2]));
            }
        }
        // One redefinition for each call, untimed and timed, in the order BareRedefine makes them.
        List<Long> stopped = log.newRedefinitions();
        if (stopped.size() != sizes.size() * (untimed + trials) || timed.size() != sizes.size() * trials) {
            throw new IllegalStateException("expected " + sizes.size() * (untimed + trials) + " redefinitions and "
                    + sizes.size() * trials + " timed calls, found " + stopped.size() + " and " + timed.size());
        }
        Calls calls = new Calls();
        for (int s = 0; s < sizes.size(); s++) {
            for (int t = 0; t < trials; t++) {
                calls.add(sizes.get(s),
                        new Call(timed.get(s * trials + t), stopped.get(s * (untimed + trials) + untimed + t)));
            }
        }
        return calls;
    }

    /**
     * Runs {@link BareRedefine} in a child JVM with every class of the workspace loaded, to its end.
     *
     * @param untimed the calls of each size before its timed ones, even
     * @param agentArgument the reference agent's argument: empty, or {@value ReferenceAgent#OBSERVE} for a transformer
     *     that returns at once
     * @param jvmOptions more options for the child (a safepoint log), never null
     * @return what the child printed, a {@code bare SIZE NANOS} line for each timed {@code redefineClasses} call
     */
    static List<String> runBare(Workspace workspace, List<Integer> sizes, int trials, int untimed,
                                String agentArgument, List<String> jvmOptions) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(String.valueOf(workspace.classCount()),
                workspace.generated(1).toString(), workspace.generated(2).toString(), String.valueOf(trials),
                String.valueOf(untimed)));
        sizes.forEach(size -> arguments.add(String.valueOf(size)));
        ChildJvm.Builder builder = ChildOptions.child().agent(workspace.referenceAgent(), agentArgument);
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
