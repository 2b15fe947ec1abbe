package dev.reload.agent.reload;

import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.agent.reload.numbered.Continuation;
import dev.reload.agent.report.Reporter;
import dev.reload.agent.structural.StructuralEngine;
import dev.reload.agent.watch.ChangeBatch;
import dev.reload.agent.watch.ChangeCollector;
import dev.reload.agent.watch.ChangedFile;
import dev.reload.patcher.rewrite.InitializerUpdate;

import java.util.List;
import java.util.Map;

/**
 * Records what runs once a batch was judged or applied: the class file each redefined class runs, what the next
 * batch needs to know about it, which file continues each renumbered class, and the content of every file the
 * program now runs (so that the same content is not applied again) or was refused. Used by the reload thread only.
 */
final class RunningRecorder {
    private final LoadedClassIndex index;
    private final ChangeCollector collector;
    private final ReloadHistory history;
    private final StructuralEngine engine;
    private final Reporter reporter;

    RunningRecorder(LoadedClassIndex index, ChangeCollector collector, ReloadHistory history, StructuralEngine engine,
                    Reporter reporter) {
        this.index = index;
        this.collector = collector;
        this.history = history;
        this.engine = engine;
        this.reporter = reporter;
    }

    /**
     * Records a batch the JVM took: what each class runs now, what the engine moved (it reports what it has to
     * say about it), and which file continues each renumbered class.
     *
     * @param changedInitializers the changed initializers that run after the batch, by class, which run the
     *                            initializers of the fields their classes add too; never null
     */
    void took(Redefinition redefinition, Judgement judgement, Plan plan,
              Map<Class<?>, InitializerUpdate> changedInitializers) {
        for (RedefinedClass each : redefinition.classes()) {
            each.planned().judged().loaded().captured().running(each.running(), each.changedByOtherAgent());
            if (each.changedByOtherAgent() && reporter.isDebug()) {
                reporter.debug(each.planned().judged().type().getName()
                        + " runs what another agent's transformer made of its new class file");
            }
        }
        for (String line : engine.applied(plan.rewrites(), changedInitializers)) {
            reporter.info(line);
        }
        history.applied(redefinition.classes());
        continuations(judgement);
    }

    /** Records which file continues each running numbered class a batch followed, once it took or changed nothing. */
    void continuations(Judgement judgement) {
        for (Continuation c : judgement.continuations()) {
            index.continues(c.loader(), c.internalName(), c.file());
        }
    }

    /** Records the content of the batch's files: the program runs it now, or it needs nothing. */
    void files(List<ParsedFile> files) {
        // Loops, not lambdas, here and above: every save runs them, and each lambda spins a class for the program.
        for (ParsedFile file : files) {
            collector.remember(file.file().file(), file.file().hash());
        }
    }

    /**
     * Records the content of a refused batch's files: written again alone with it at once, a file is not refused
     * twice for one save. What the agent knows of them stays what the program runs, so they go out with the next new
     * file.
     */
    void refused(ChangeBatch batch) {
        for (ChangedFile file : batch.files()) {
            collector.refused(file.file(), file.hash());
        }
    }

}
