package dev.reload.agent.reload;

import dev.reload.agent.api.ReloadReport;
import dev.reload.agent.api.ReloadedClass;
import dev.reload.agent.api.Reloads;
import dev.reload.agent.hook.HookMethods;
import dev.reload.agent.index.CaptureTransformer;
import dev.reload.agent.index.CapturedClass;
import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.agent.report.Reporter;
import dev.reload.agent.structural.ChangedInitializerRunner;
import dev.reload.agent.structural.PublishedBatch;
import dev.reload.agent.structural.StructuralEngine;
import dev.reload.agent.sync.ApplyPoint;
import dev.reload.agent.watch.ChangeBatch;
import dev.reload.agent.watch.ChangeCollector;
import dev.reload.patcher.diff.ClassDiff;
import dev.reload.patcher.diff.Verdict;
import dev.reload.patcher.rewrite.ClassFileReferences;
import dev.reload.patcher.rewrite.InitializerUpdate;
import dev.reload.patcher.rewrite.LoadTimeAugmenter;
import dev.reload.patcher.rewrite.Refusal;
import dev.reload.patcher.rewrite.SharedLambdaSites;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.MemberKey;
import dev.reload.patcher.shape.UnreadableClassException;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Applies one batch of changed class files to the running program, all or nothing, in named stages: settle the
 * files ({@link FileSettler}), judge each class against what runs ({@link BatchJudge}), plan what to redefine each
 * class with ({@link BatchPlanner}), wait for the end of the batch's settle period when it was handed out before it
 * ({@link dev.reload.agent.watch.Settling}), define the new classes ({@link NewClassDefiner}), redefine every class in one
 * {@link Instrumentation#redefineClasses} call ({@link Redefiner}), record what now runs ({@link RunningRecorder}),
 * then report ({@link Announcer}; with {@code log=debug} followed by where the time went, {@link ReloadTimes}) and run
 * {@code OnReload} hooks. The stages from defining the new classes on run where the {@link ApplyPoint} says: on the
 * reload thread, or at the game's synchronization point. Used by the reload thread only; never throws for bad input.
 */
public final class Reloader {
    private final FileSettler settler;
    private final BatchJudge judge;
    private final BatchPlanner planner;
    private final NewClassDefiner newClasses;
    private final Redefiner redefiner;
    private final RunningRecorder recorder;
    private final RefusedFiles refusedFiles;
    private final Announcer announcer;
    private final ReloadThreadClassFiles classFilesForNames;
    private final InitializerStep initializers;
    private final Reporter reporter;
    private final StructuralEngine engine;
    private final boolean newFieldInitializers;
    private final ApplyPoint applyPoint;

    /**
     * Makes a reloader whose structural edits (methods added or removed) go through {@code engine}; only classes
     * prepared when they loaded can take them.
     *
     * @param instrumentation the JVM's instrumentation, able to redefine classes, never null
     * @param index the classes loaded from watched directories, never null
     * @param capture the observer that sees the final bytes of each redefinition, never null
     * @param collector told about the content the program runs after each batch, never null
     * @param reporter where report lines go, never null
     * @param engine the structural engine, which also links the calls of classes as they load, never null
     * @param applyPoint where the part of a batch that changes the program runs: the reload thread, or the game's
     *                   synchronization point ({@code sync=}); never null
     * @param hookScanner shown the new class file of each class a batch changed, to find its asset hooks; never null
     */
    public Reloader(Instrumentation instrumentation, LoadedClassIndex index, CaptureTransformer capture,
                    ChangeCollector collector, Reporter reporter, StructuralEngine engine, ApplyPoint applyPoint,
                    BiConsumer<CapturedClass, byte[]> hookScanner) {
        ReloadHistory history = new ReloadHistory();
        this.settler = new FileSettler(collector, reporter);
        this.judge = new BatchJudge(index, instrumentation, history, collector, reporter);
        RunningClassFiles runningClassFiles = new RunningClassFiles(instrumentation, capture);
        this.classFilesForNames = new ReloadThreadClassFiles(runningClassFiles, capture, reporter);
        index.recoverClassFilesWith(classFilesForNames);
        this.planner = new BatchPlanner(engine, history, runningClassFiles);
        this.newClasses = new NewClassDefiner(engine);
        this.redefiner = new Redefiner(instrumentation, capture);
        this.recorder = new RunningRecorder(index, collector, history, engine, reporter);
        this.refusedFiles = new RefusedFiles(collector);
        this.announcer = new Announcer(reporter, hookScanner);
        this.initializers = new InitializerStep(engine.runsNewFieldInitializers(), runningClassFiles,
                new ChangedInitializerRunner(instrumentation), new CompiledReaders(instrumentation, index, capture),
                engine, reporter, new OutsideSwitchTables(index, instrumentation, runningClassFiles));
        this.reporter = reporter;
        this.engine = engine;
        this.newFieldInitializers = engine.runsNewFieldInitializers();
        this.applyPoint = applyPoint;
        collector.prepareEachFileWith(this::ahead);
        collector.tellRemovedClassFilesTo(new RemovedClassFiles(index, reporter));
    }

    /**
     * Judges and conforms a class file read whole while its burst's writes go on ({@code ReadWhole}): after the burst's
     * last write, the batch then looks up what it would have done to that file alone.
     */
    private void ahead(Path file, byte[] bytes, ClassShape shape) {
        for (BatchJudge.Ahead judged : judge.ahead(file, shape)) {
            planner.ahead(judged.loaded(), judged.verdict(), bytes);
        }
    }

    /**
     * Applies a batch, all or nothing.
     *
     * @param batch the changed files, never null
     */
    public void apply(ChangeBatch batch) {
        long handedOut = System.nanoTime();
        classFilesForNames.onReloadThread();
        SettledFiles settled = settler.settle(batch);
        if (!settled.anyReady()) {
            return;
        }
        Judgement judged = judge.judge(settled.ready());
        Judgement judgement = judged.refusing(missingReferences(batch, judged));
        if (!judgement.refusals().isEmpty()) {
            if (stands(batch)) {
                refuse(batch, judgement, judgement.refusals());
            }
            return;
        }
        if (judgement.changed().isEmpty()) {
            if (!stands(batch)) {
                return;
            }
            recorder.continuations(judgement);
            recorder.files(settled.ready());
            reporter.debug("no loaded class changed in " + settled.ready().size() + " file(s)");
            refusedFiles.applied(batch); // a refused class written back as it runs: what it held back may apply now
            return;
        }
        Plan plan;
        try {
            plan = planner.plan(judgement.changed());
        } catch (RewriteRefusedException e) {
            if (stands(batch)) {
                refuse(batch, judgement, e.refusals());
            }
            return;
        }
        ChangedInitializers changedInitializers = initializers.compare(judgement.changed());
        classFilesForNames.planned();
        long planned = System.nanoTime();
        if (!stands(batch)) {
            return;
        }
        initializers.padAhead(changedInitializers, judgement.changed());
        ReloadTimes times = ReloadTimes.beforeApplying(batch.firstEventNanos(), batch.lastEventNanos(), handedOut,
                planned, System.nanoTime());
        try {
            // Classes of their own, not lambdas: every save runs them, and a lambda spins a class for good. Both run on
            // one thread, the game's at a synchronization point, one after the other.
            AppliedClasses applied = new AppliedClasses();
            applyPoint.apply(new Runnable() {
                @Override
                public void run() {
                    applied.redefined = applyPlanned(batch, settled, judgement, plan, changedInitializers, times);
                }
            }, new Runnable() {
                @Override
                public void run() {
                    runHooks(applied.redefined);
                }
            });
            if (!applied.redefined.isEmpty()) {
                refusedFiles.applied(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the agent is stopping: the batch was not applied
        }
    }

    /**
     * {@return a refusal for each file of the batch that names a class member neither the running program nor the
     * batch has}: the watcher waited for the file that would add it, and none came. Applied, the class would throw
     * {@code NoSuchMethodError} into the game at each call, as when the save that added the member was refused and
     * a later save of the calling class alone came.
     */
    private static List<Refusal> missingReferences(ChangeBatch batch, Judgement judgement) {
        if (batch.missingReferences().isEmpty()) {
            return List.of();
        }
        List<Refusal> refusals = new ArrayList<>();
        for (JudgedClass judged : judgement.changed()) {
            String member = batch.missingReferences().get(judged.file().file().file());
            if (member != null) {
                refusals.add(new Refusal(judged.type().getName(), null, "it uses " + member
                        + ", which neither the running program nor the files saved with it declare, so it would throw"
                        + " into the game", "save the class that declares it (if that save was refused, mend it"
                        + " first), then save this one again"));
            }
        }
        return refusals;
    }

    /**
     * {@return true when the batch is to be applied or refused as it is}: a single file handed out before its settle
     * period ended was judged and planned meanwhile, and waits here for the period to end with no other write; once
     * more was written, its file comes again in the next batch, and nothing judged here is used.
     */
    private boolean stands(ChangeBatch batch) {
        try {
            return batch.settling().await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the agent is stopping: the batch is not applied
            return false;
        }
    }

    /**
     * Defines the new classes, redefines, records what now runs and reports: the part of a batch that changes the
     * running program, on the reload thread or at the game's synchronization point. Never throws: on a game's
     * thread, nothing the agent does may reach the game's code.
     *
     * @return the classes redefined, whose hooks run next; empty when the batch did not apply
     */
    private List<RedefinedClass> applyPlanned(ChangeBatch batch, SettledFiles settled, Judgement judgement,
                                              Plan plan, ChangedInitializers changedInitializers, ReloadTimes times) {
        long applying = System.nanoTime();
        try {
            Map<Class<?>, Map<String, Map<Object, Object>>> retypedBack = new HashMap<>();
            returnRetypedValues(judgement, retypedBack, false);
            Redefinition redefinition = redefine(judgement, plan);
            if (redefinition.took()) {
                recorder.took(redefinition, judgement, plan, changedInitializers.updates());
                returnRetypedValues(judgement, retypedBack, true);
                initializers.took(changedInitializers, plan.rewrites(), redefinition.classes());
                initializers.emptySwitchTables(redefinition.classes());
            }
            long reported = System.nanoTime();
            Duration elapsed = Duration.ofNanos(reported - batch.firstEventNanos());
            announcer.announce(report(judgement, redefinition, plan, elapsed));
            if (reporter.isDebug()) {
                reporter.debug(times.applied(applying, redefinition.callNanos(), reported).describe());
            }
            if (redefinition.took()) {
                recorder.files(settled.ready());
            }
            announcer.scanHooks(redefinition.classes());
            return redefinition.classes();
        } catch (RuntimeException | LinkageError e) {
            reporter.error("error while applying a batch (" + e + "); the program goes on, save again to retry");
            return List.of();
        }
    }

    /**
     * Gives the fields the batch retypes back to the type they loaded with what the versions in between held: before
     * the redefinition, and after it again for what was written meanwhile ({@code StructuralEngine}), where a line
     * says what could not go back.
     */
    private void returnRetypedValues(Judgement judgement, Map<Class<?>, Map<String, Map<Object, Object>>> returned,
                                     boolean after) {
        for (JudgedClass judged : judgement.changed()) {
            List<String> problems = engine.returnRetypedValues(judged.type(), judged.verdict(), returned, after);
            for (int i = 0; after && i < problems.size(); i++) {
                reporter.info(problems.get(i)); // a loop: every save runs this, and a method reference spins a class
            }
        }
    }

    /** Runs the hooks of the classes a batch redefined, after it applied. Never throws, as {@link #applyPlanned}. */
    private void runHooks(List<RedefinedClass> redefined) {
        try {
            announcer.runHooks(redefined);
        } catch (RuntimeException | LinkageError e) {
            reporter.error("error while running the hooks of a batch (" + e + "); the program goes on");
        }
    }

    /** The classes a batch redefined, handed from its application to its hooks on the thread that runs both. */
    private static final class AppliedClasses {
        private List<RedefinedClass> redefined = List.of();
    }

    /**
     * {@return the batch redefined, or why not}: defines the new classes, then redefines. Classes that load meanwhile
     * (the verifier loads the classes the new code names, inside {@code redefineClasses}; the program's threads run
     * on) are prepared for what the batch adds, and classes that load after a refusal for what runs.
     */
    private Redefinition redefine(Judgement judgement, Plan plan) {
        PublishedBatch published = engine.publish(plan.rewrites());
        Redefinition redefinition = null;
        try {
            Optional<String> notDefined = newClasses.define(judgement.newClasses(), plan);
            redefinition = notDefined.isPresent() ? Redefinition.failed(notDefined.get(), 0) : redefiner.redefine(plan);
            if (redefinition.took()) {
                engine.relinkMovedMethods(plan.rewrites()); // first: until then, a frame may meet both versions
            }
            return redefinition;
        } finally {
            if (redefinition == null || !redefinition.took()) {
                engine.withdraw(published);
            }
        }
    }

    /**
     * Runs once, on one of the agent's own class files, what a save that changes method bodies runs (the collector's
     * walk over the file, the shape read, the judge, the planner's edits, the hook scan and the report), so that the
     * first real batch does not pay for loading the code it runs (about 200 ms, far over the budget). Nothing more:
     * every class loaded stays, and every redefinition walks them all, so code only structural edits need (the
     * structural rewriter, ASM's tree API) loads with the first such edit.
     */
    public void warmUp() {
        try (var in = Reloader.class.getResourceAsStream("Reloader.class")) {
            byte[] bytes = in.readAllBytes();
            ClassFileReferences.ofWhole(bytes);
            byte[] augmented = LoadTimeAugmenter.augment(bytes, LoadTimeAugmenter.DEFAULT_SPARE_NEST_MEMBERS);
            ClassShape shape = ClassShape.read(augmented);
            Verdict verdict = ClassDiff.judge(shape, ClassShape.read(bytes));
            byte[] conformed = LoadTimeAugmenter.conform(SharedLambdaSites.pointedAtRuntime(bytes),
                    shape.nestMembers());
            engine.linkCalls(conformed, Reloader.class.getClassLoader(), List.of());
            HookMethods.in(bytes);
            new ReloadReport(ReloadReport.Outcome.APPLIED, List.of(ReportWords.reloadedClass(verdict, false)),
                    List.of(), Duration.ZERO).summary();
        } catch (IOException | UnreadableClassException | RuntimeException e) {
            reporter.debug("warming up did not work (" + e + "); the first reload may be slower");
        }
    }

    /**
     * Reports the outcome of a batch the way every batch is reported: report lines, the last-report property and
     * listeners. For outcomes decided before judging, such as a compile error in compile mode.
     *
     * @param report what happened, never null
     */
    public void announce(ReloadReport report) {
        announcer.announce(report);
    }

    /**
     * Reports a refused batch. What the agent knows of its files stays what the program runs, so that each is looked
     * at again when written again with a new file, with the same bytes or not: a full build after the refused class is
     * mended brings every file of the batch again, and they apply together. Written again alone with the bytes refused, a
     * moment later, they are dropped: one save, one refusal. The files whose refusal another save may lift are read
     * again once a batch applies ({@link RefusedFiles}).
     */
    private void refuse(ChangeBatch batch, Judgement judgement, List<Refusal> refusals) {
        announcer.announce(new ReloadReport(ReloadReport.Outcome.REFUSED, changedClasses(judgement),
                refusals.stream().map(Refusal::line).toList(), elapsedSince(batch)));
        Optional<String> heldBack = heldBack(judgement, refusals);
        if (heldBack.isPresent()) {
            reporter.info(heldBack.get());
        }
        refusedFiles.refused(batch, judgement);
        recorder.refused(batch);
    }

    /** {@return a line naming the batch's changed classes that were not refused but held back, if any} */
    private static Optional<String> heldBack(Judgement judgement, List<Refusal> refusals) {
        Set<String> refused = new HashSet<>();
        for (Refusal refusal : refusals) {
            refused.add(refusal.className());
        }
        List<String> held = new ArrayList<>();
        for (JudgedClass judged : judgement.changed()) {
            if (!refused.contains(judged.type().getName())) {
                held.add(judged.type().getName());
            }
        }
        return held.isEmpty() ? Optional.empty() : Optional.of("held back with the refused classes, as a save"
                + " applies whole: " + String.join(", ", held) + "; they apply when written again with the mended"
                + " classes (a full build writes them all)");
    }

    private ReloadReport report(Judgement judgement, Redefinition redefinition, Plan plan, Duration elapsed) {
        if (redefinition.took()) {
            Map<Class<?>, Map<MemberKey, Class<?>>> overrides = plan.addedOverrides();
            Set<String> inSeveralLoaders = ReportWords.inSeveralLoaders(judgement.changed());
            List<ReloadedClass> changed = new ArrayList<>();
            for (JudgedClass judged : judgement.changed()) {
                ReloadedClass reloaded = ReportWords.reloadedClass(judged.verdict(), newFieldInitializers,
                        judgement.words(), overrides.getOrDefault(judged.type(), Map.of()), judged.type());
                changed.add(inSeveralLoaders.contains(reloaded.binaryName())
                        ? ReportWords.inLoader(reloaded, judged.type().getClassLoader()) : reloaded);
            }
            return new ReloadReport(ReloadReport.Outcome.APPLIED, changed, List.of(), elapsed);
        }
        return new ReloadReport(ReloadReport.Outcome.FAILED, changedClasses(judgement),
                List.of(redefinition.failure()), elapsed);
    }

    private List<ReloadedClass> changedClasses(Judgement judgement) {
        Map<String, String> words = judgement.words();
        return judgement.changed().stream()
                .map(judged -> ReportWords.reloadedClass(judged.verdict(), newFieldInitializers, words, Map.of(),
                        judged.type()))
                .toList();
    }

    private static Duration elapsedSince(ChangeBatch batch) {
        return Duration.ofNanos(System.nanoTime() - batch.firstEventNanos());
    }
}
