package dev.reload.agent.reload;

import dev.reload.agent.api.ReloadListener;
import dev.reload.agent.api.ReloadReport;
import dev.reload.agent.api.ReloadedClass;
import dev.reload.agent.api.Reloads;
import dev.reload.agent.hook.HookMethods;
import dev.reload.agent.hook.HookRunner;
import dev.reload.agent.index.CaptureTransformer;
import dev.reload.agent.index.LoadedClass;
import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.agent.report.Reporter;
import dev.reload.agent.structural.StructuralEngine;
import dev.reload.agent.watch.ChangeBatch;
import dev.reload.agent.watch.ChangeCollector;
import dev.reload.patcher.diff.ClassDiff;
import dev.reload.patcher.diff.Verdict;
import dev.reload.patcher.rewrite.LoadTimeAugmenter;
import dev.reload.patcher.rewrite.StructuralRewriter;
import dev.reload.patcher.rewrite.UnsupportedEditException;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;

import java.io.IOException;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies one batch of changed class files to the running program: finds every loaded class, in every
 * class loader, that came from those files; has the patcher judge each against what the JVM runs; and
 * redefines them all in one {@link Instrumentation#redefineClasses} call, or none of them when any change
 * cannot be applied. Reports the outcome, tells listeners and runs {@code OnReload} hooks. Used by the
 * reload thread only; never throws for bad input.
 */
public final class Reloader {
    private final Instrumentation instrumentation;
    private final LoadedClassIndex index;
    private final CaptureTransformer capture;
    private final ChangeCollector collector;
    private final Reporter reporter;
    private final IncomingFiles incoming;
    private final HookRunner hooks;
    private final Definitions definitions;
    private final RenumberedClasses renumbered;
    private final boolean newFieldInitializers;

    /**
     * Makes a reloader whose structural edits (methods added or removed) go through an engine of its own; only
     * classes prepared when they loaded can take them.
     *
     * @param instrumentation the JVM's instrumentation, able to redefine classes, never null
     * @param index the classes loaded from watched directories, never null
     * @param capture the observer that sees the final bytes of each redefinition, never null
     * @param collector told about the content the program runs after each batch, never null
     * @param reporter where report lines go, never null
     */
    public Reloader(Instrumentation instrumentation, LoadedClassIndex index, CaptureTransformer capture,
                    ChangeCollector collector, Reporter reporter) {
        this(instrumentation, index, capture, collector, reporter, new StructuralEngine(instrumentation));
    }

    /**
     * As {@link #Reloader(Instrumentation, LoadedClassIndex, CaptureTransformer, ChangeCollector, Reporter)},
     * with the structural engine that also links the calls of classes as they load, never null.
     */
    public Reloader(Instrumentation instrumentation, LoadedClassIndex index, CaptureTransformer capture,
                    ChangeCollector collector, Reporter reporter, StructuralEngine engine) {
        this.instrumentation = instrumentation;
        this.index = index;
        this.capture = capture;
        this.collector = collector;
        this.reporter = reporter;
        this.incoming = new IncomingFiles(collector, reporter);
        this.hooks = new HookRunner(reporter);
        this.definitions = new Definitions(engine, new RunningClassFiles(instrumentation, capture));
        this.renumbered = new RenumberedClasses(index, instrumentation);
        this.newFieldInitializers = engine.runsNewFieldInitializers();
    }

    /**
     * Applies a batch, all or nothing.
     *
     * @param batch the changed files, never null
     */
    public void apply(ChangeBatch batch) {
        Optional<List<ParsedFile>> files = incoming.check(batch);
        if (files.isEmpty() || files.get().isEmpty()) {
            return;
        }
        Renumbering renumbering = judge(files.get());
        List<Candidate> candidates = renumbering.candidates();
        Map<String, String> words = renumbering.words();
        List<String> reasons = new ArrayList<>(renumbering.refusals());
        reasons.addAll(Refusals.of(candidates));
        if (!reasons.isEmpty()) {
            finish(batch, new ReloadReport(ReloadReport.Outcome.REFUSED,
                    changedClasses(candidates, words), reasons, elapsedSince(batch)));
            return;
        }
        List<Candidate> changed = candidates.stream()
                .filter(c -> c.verdict().kind() != Verdict.Kind.UNCHANGED).toList();
        if (changed.isEmpty()) {
            rememberContinuations(renumbering);
            rememberAll(files.get());
            reporter.debug("no loaded class changed in " + files.get().size() + " file(s)");
            return;
        }
        Definitions.Prepared prepared;
        try {
            prepared = definitions.prepare(changed);
        } catch (RewriteRefusedException e) {
            finish(batch, new ReloadReport(ReloadReport.Outcome.REFUSED, changedClasses(changed, words),
                    e.reasons(), elapsedSince(batch)));
            return;
        }
        // The new classes exist before the new code that names them runs (a failed resolution would stick).
        Optional<String> failure = definitions.define(renumbering.newClasses(), prepared)
                .or(() -> redefine(changed, prepared));
        ReloadReport report = failure
                .map(reason -> new ReloadReport(ReloadReport.Outcome.FAILED, changedClasses(changed, words),
                        List.of(reason), elapsedSince(batch)))
                .orElseGet(() -> new ReloadReport(ReloadReport.Outcome.APPLIED, changedClasses(changed, words),
                        List.of(), elapsedSince(batch)));
        if (report.applied()) {
            rememberContinuations(renumbering);
        }
        finish(batch, report);
        rememberAll(files.get());
        if (report.applied()) {
            runHooks(changed);
        }
    }

    /**
     * Runs the patcher and the hook scan once on one of the agent's own class files, so that the first real
     * batch does not pay for loading and compiling the code it runs (about 200 ms, far over the budget).
     */
    public void warmUp() {
        try (var in = Reloader.class.getResourceAsStream("Reloader.class")) {
            byte[] bytes = in.readAllBytes();
            byte[] augmented = LoadTimeAugmenter.augment(bytes, LoadTimeAugmenter.DEFAULT_SPARE_NEST_MEMBERS);
            ClassShape shape = ClassShape.read(augmented);
            Verdict verdict = ClassDiff.judge(shape, ClassShape.read(bytes));
            LoadTimeAugmenter.conform(bytes, shape.nestMembers());
            StructuralRewriter.rewrite(augmented, bytes, (owner, name, descriptor) -> false);
            HookMethods.in(bytes);
            new ReloadReport(ReloadReport.Outcome.APPLIED, List.of(EditWords.reloadedClass(verdict, false)),
                    List.of(), Duration.ZERO).summary();
        } catch (IOException | UnreadableClassException | UnsupportedEditException | RuntimeException e) {
            reporter.debug("warming up did not work (" + e + "); the first reload may be slower");
        }
    }

    private Renumbering judge(List<ParsedFile> files) {
        List<Candidate> candidates = new ArrayList<>();
        for (ParsedFile file : files) {
            List<LoadedClass> loaded = index.loadedFrom(file.file().file(), file.shape().internalName(), instrumentation);
            if (loaded.isEmpty()) {
                // Not loaded yet: the class loads the new file when first used.
                collector.remember(file.file().file(), file.file().hash());
                reporter.debug(file.shape().binaryName() + " is not loaded; it will load the new file when first used");
            }
            for (LoadedClass each : loaded) {
                candidates.add(judge(each, file));
            }
        }
        return renumbered.follow(candidates, files, this::baseline, this::judge);
    }

    private Optional<ClassShape> baseline(LoadedClass loaded) {
        try {
            return Optional.of(definitions.baseline(loaded));
        } catch (UnreadableClassException e) {
            return Optional.empty(); // judged as unreadable already
        }
    }

    private Candidate judge(LoadedClass loaded, ParsedFile file) {
        try {
            return new Candidate(loaded, file, ClassDiff.judge(definitions.baseline(loaded), file.shape()),
                    definitions.takesNewMembers(loaded));
        } catch (UnreadableClassException e) {
            String className = file.shape().binaryName();
            return new Candidate(loaded, file, new Verdict(className, Verdict.Kind.REJECTED, List.of(), List.of(className
                    + ": the class the JVM runs cannot be read (" + e.getMessage() + "); restart to apply"), List.of()),
                    false);
        }
    }

    private Optional<String> redefine(List<Candidate> changed, Definitions.Prepared prepared) {
        Set<Class<?>> types = new LinkedHashSet<>();
        changed.forEach(candidate -> types.add(candidate.loaded().type()));
        ClassDefinition[] requests = prepared.definitions();
        capture.expectRedefinition(types);
        try {
            instrumentation.redefineClasses(requests);
            Map<Class<?>, byte[]> runningNow = new HashMap<>();
            for (int i = 0; i < requests.length; i++) {
                Candidate candidate = changed.get(i);
                byte[] requested = requests[i].getDefinitionClassFile();
                byte[] observed = capture.redefinedBytes(candidate.loaded().type());
                boolean changedByOther = observed != null && !Arrays.equals(observed, requested);
                byte[] running = observed == null ? requested : observed;
                candidate.loaded().captured().running(running, changedByOther);
                runningNow.put(candidate.loaded().type(), running);
            }
            definitions.applied(prepared, runningNow).forEach(reporter::info);
            return Optional.empty();
        } catch (ClassNotFoundException | UnmodifiableClassException | RuntimeException | LinkageError e) {
            return Optional.of("the JVM refused the new classes (" + e + ")");
        } finally {
            capture.endRedefinition();
        }
    }

    private void finish(ChangeBatch batch, ReloadReport report) {
        if (report.outcome() == ReloadReport.Outcome.REFUSED) {
            batch.files().forEach(file -> collector.remember(file.file(), file.hash()));
        }
        announce(report);
    }

    /**
     * Reports the outcome of a batch the way every batch is reported: report lines, the last-report property and
     * listeners. For outcomes decided before judging, such as a compile error in compile mode.
     *
     * @param report what happened, never null
     */
    public void announce(ReloadReport report) {
        // Listeners (the JFR events and the MBean's counters among them) first: once the line is printed,
        // everything that watches the agent has seen the batch.
        publish(report);
        for (ReloadListener listener : Reloads.listeners()) {
            try {
                listener.reloaded(report);
            } catch (RuntimeException | LinkageError e) {
                reporter.error("reload listener " + listener.getClass().getName() + " threw " + e);
            }
        }
        reporter.info(report.summary());
        if (report.reasons().size() > 1) {
            report.reasons().forEach(reason -> reporter.info("  " + reason));
        }
    }

    /**
     * Leaves the last report line where any code can read it without a compile dependency on the agent: a game
     * HUD reads {@link Reloads#LAST_REPORT_PROPERTY} each frame, and an {@code OnReload} hook runs after it.
     */
    private void publish(ReloadReport report) {
        try {
            System.setProperty(Reloads.LAST_REPORT_PROPERTY, report.summary());
        } catch (SecurityException e) {
            reporter.debug("cannot publish the report as a system property (" + e + ")");
        }
    }

    private void runHooks(List<Candidate> changed) {
        for (Candidate candidate : changed) {
            List<String> names = HookMethods.in(candidate.file().file().bytes());
            if (!names.isEmpty()) {
                hooks.run(candidate.loaded().type(), names);
            }
        }
    }

    /** Records, once a batch took, which file continues each running numbered class it followed. */
    private void rememberContinuations(Renumbering renumbering) {
        renumbering.continuations().forEach(c -> index.continues(c.loader(), c.internalName(), c.file()));
    }

    private void rememberAll(List<ParsedFile> files) {
        files.forEach(file -> collector.remember(file.file().file(), file.file().hash()));
    }

    private List<ReloadedClass> changedClasses(List<Candidate> candidates, Map<String, String> words) {
        return candidates.stream()
                .filter(c -> c.verdict().kind() != Verdict.Kind.UNCHANGED)
                .map(c -> EditWords.reloadedClass(c.verdict(), newFieldInitializers, words))
                .toList();
    }

    private static Duration elapsedSince(ChangeBatch batch) {
        return Duration.ofNanos(System.nanoTime() - batch.firstEventNanos());
    }
}
