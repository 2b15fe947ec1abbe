package dev.reload.agent.reload;

import dev.reload.agent.index.LoadedClass;
import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.agent.reload.numbered.NumberedClasses;
import dev.reload.agent.report.Reporter;
import dev.reload.agent.structural.UnlistedNestmates;
import dev.reload.agent.watch.ChangedFile;
import dev.reload.agent.watch.ChangeCollector;
import dev.reload.patcher.diff.ClassDiff;
import dev.reload.patcher.diff.Verdict;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Judges each file of a batch against what runs: finds every loaded class, in every class loader, that came from
 * the file (or that the file continues, once anonymous classes were renumbered), and has the patcher judge the new
 * file against the file last applied to it. Says why the batch cannot be applied, when it cannot. A file whose class
 * is not loaded yet needs nothing: the class loads the new file when first used. Used by the reload thread only.
 */
final class BatchJudge {
    private final LoadedClassIndex index;
    private final Instrumentation instrumentation;
    private final ReloadHistory history;
    private final NumberedClasses numbered;
    private final ChangeCollector collector;
    private final Reporter reporter;
    private final UnlistedNestmates nestmates;
    /** What {@link #ahead} judged, by class: used once, for the very baseline and new shape it judged. */
    private final Map<Class<?>, JudgedAhead> judgedAhead = new ConcurrentHashMap<>();
    /**
     * The baselines and the judging that following numbered classes takes: classes of their own, not method
     * references, since every save passes them and a lambda spins a class for good.
     */
    private final Function<LoadedClass, Optional<ClassShape>> baselines = new Function<>() {
        @Override
        public Optional<ClassShape> apply(LoadedClass loaded) {
            return baseline(loaded);
        }
    };
    private final BiFunction<LoadedClass, ParsedFile, JudgedClass> judgeOne = new BiFunction<>() {
        @Override
        public JudgedClass apply(LoadedClass loaded, ParsedFile compiled) {
            return judge(loaded, compiled);
        }
    };

    /** A verdict reached while the burst's writes went on. */
    private record JudgedAhead(ClassShape baseline, ClassShape updated, Verdict verdict) {
    }

    /**
     * A loaded class that a file read ahead of its batch would change, with the verdict on it.
     *
     * @param loaded the class, never null
     * @param verdict the verdict on the file against what the class runs, never null
     */
    record Ahead(LoadedClass loaded, Verdict verdict) {
    }

    BatchJudge(LoadedClassIndex index, Instrumentation instrumentation, ReloadHistory history,
               ChangeCollector collector, Reporter reporter) {
        this.index = index;
        this.instrumentation = instrumentation;
        this.history = history;
        this.numbered = NumberedClasses.following(index, instrumentation);
        this.collector = collector;
        this.reporter = reporter;
        this.nestmates = new UnlistedNestmates(index, instrumentation);
    }

    /**
     * {@return the loaded classes the file would change, each judged now, while the burst's writes go on, so that
     * the batch looks the verdict up}: the batch judges again a class whose baseline or file is another by then (a
     * batch applied meanwhile, a nest host's edit made to the file). May run on several threads at once; never throws.
     *
     * @param file the class file read whole, never null
     * @param shape its shape, never null
     */
    List<Ahead> ahead(Path file, ClassShape shape) {
        List<Ahead> judged = new ArrayList<>();
        try {
            for (LoadedClass loaded : index.loadedFrom(file, shape.internalName(), instrumentation)) {
                ClassShape baseline = namedBaseline(loaded, shape);
                if (baseline == null) {
                    continue; // named by the JVM only on the reload thread: the batch judges it
                }
                Verdict verdict = ClassDiff.judge(baseline, shape);
                judgedAhead.put(loaded.type(), new JudgedAhead(baseline, shape, verdict));
                judged.add(new Ahead(loaded, verdict));
            }
        } catch (UnreadableClassException | RuntimeException e) {
            // The batch judges the file itself, and says what is wrong.
        }
        return judged;
    }

    /**
     * {@return every loaded class of the batch with its verdict, and why the batch cannot be applied}
     *
     * @param files the batch's files, settled, never null
     */
    Judgement judge(List<ParsedFile> files) {
        List<JudgedClass> judged = new ArrayList<>();
        for (ParsedFile file : files) {
            List<LoadedClass> loaded = index.loadedFrom(file.file().file(), file.shape().internalName(), instrumentation);
            if (loaded.isEmpty()) {
                // Not loaded yet: the class loads the new file when first used.
                collector.remember(file.file().file(), file.file().hash());
                reporter.debug(file.shape().binaryName() + " is not loaded; it will load the new file when first used");
            }
            for (LoadedClass each : loaded) {
                judged.add(judge(each, file));
            }
        }
        Judgement judgement = numbered.follow(judged, files, baselines, judgeOne);
        judgedAhead.clear(); // what was judged ahead and not used: its file came with other bytes, or not at all
        return judgement.refusing(Refusals.of(judgement.classes()));
    }

    /**
     * {@return the new file made its own nest host as the running class was when it loaded (a nested class a
     * reload added), or the file itself}
     */
    private ParsedFile likeRunning(LoadedClass loaded, ClassShape baseline, ParsedFile file)
            throws UnreadableClassException {
        byte[] compiled = file.file().bytes();
        byte[] sound = nestmates.likeRunning(loaded.type().getClassLoader(), baseline, compiled,
                file.shape().nestHost());
        if (sound == compiled) {
            return file;
        }
        ChangedFile changed = file.file();
        return new ParsedFile(new ChangedFile(changed.root(), changed.file(), sound, changed.hash()),
                ClassShape.read(sound));
    }

    /**
     * {@return what the new version is judged against, with its members' names: the running class's shape keeps
     * only their hashes until an edit needs them, and takes them from the new version itself when it declares every
     * member the running class does (a body edit, an addition); null when nothing names them}
     */
    private ClassShape namedBaseline(LoadedClass loaded, ClassShape updated) throws UnreadableClassException {
        ClassShape baseline = history.baseline(loaded);
        return baseline.hasMemberNames() ? baseline : index.shapeWithMemberNames(loaded.captured(), updated);
    }

    private Optional<ClassShape> baseline(LoadedClass loaded) {
        try {
            return Optional.of(history.baseline(loaded));
        } catch (UnreadableClassException e) {
            return Optional.empty(); // judged as unreadable already
        }
    }

    /** {@return the verdict judged ahead on these very shapes, or judged now} */
    @SuppressWarnings("ReferenceEquality") // the very shapes judged ahead: comparing equal ones costs what judging does
    private Verdict verdict(Class<?> type, ClassShape baseline, ClassShape updated) {
        JudgedAhead ahead = judgedAhead.remove(type);
        return ahead != null && ahead.baseline() == baseline && ahead.updated() == updated ? ahead.verdict()
                : ClassDiff.judge(baseline, updated);
    }

    private JudgedClass judge(LoadedClass loaded, ParsedFile compiled) {
        ParsedFile file = compiled;
        try {
            ClassShape baseline = namedBaseline(loaded, compiled.shape());
            if (baseline == null) {
                String className = compiled.shape().binaryName();
                return new JudgedClass(loaded, compiled, new Verdict(className, Verdict.Kind.REJECTED, List.of(),
                        List.of(Refusals.membersUnknown(className)), List.of()), false);
            }
            file = likeRunning(loaded, baseline, compiled);
            return new JudgedClass(loaded, file, verdict(loaded.type(), baseline, file.shape()),
                    history.takesNewMembers(loaded));
        } catch (UnreadableClassException e) {
            String className = file.shape().binaryName();
            return new JudgedClass(loaded, file, new Verdict(className, Verdict.Kind.REJECTED, List.of(),
                    List.of(Refusals.unreadable(className, e)), List.of()), false);
        }
    }
}
