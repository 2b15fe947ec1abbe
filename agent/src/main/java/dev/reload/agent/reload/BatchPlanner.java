package dev.reload.agent.reload;

import dev.reload.agent.index.LoadedClass;
import dev.reload.agent.parallel.Attempt;
import dev.reload.agent.parallel.BatchSteps;
import dev.reload.agent.structural.ClassEdit;
import dev.reload.agent.structural.PreparedRewrite;
import dev.reload.agent.structural.RunningClassFile;
import dev.reload.agent.structural.StructuralEngine;
import dev.reload.agent.structural.StructuralLinkException;
import dev.reload.patcher.diff.Change;
import dev.reload.patcher.diff.FieldChange;
import dev.reload.patcher.diff.MethodChange;
import dev.reload.patcher.diff.TypeChange;
import dev.reload.patcher.diff.Verdict;
import dev.reload.patcher.rewrite.LoadTimeAugmenter;
import dev.reload.patcher.rewrite.Refusal;
import dev.reload.patcher.rewrite.UnsupportedEditException;
import dev.reload.patcher.shape.MemberKey;
import dev.reload.patcher.shape.UnreadableClassException;
import org.objectweb.asm.Type;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plans a batch: decides, for each changed class, what {@code redefineClasses} takes for it. A class prepared at
 * load (see {@code LoadTimePreparation}) whose new version keeps its declared members is conformed to the running
 * class (accessor and nest members); one that adds or removes members goes through the {@link StructuralEngine},
 * which needs the class file the JVM runs, recovered only then. Every class gets its calls to moved methods
 * linked. Used by the reload thread only.
 */
final class BatchPlanner {
    private final StructuralEngine engine;
    private final ReloadHistory history;
    private final RunningClassFiles runningClassFiles;
    /** What {@link #ahead} conformed, by class: used once, for the very class file and running members it had. */
    private final Map<Class<?>, ConformedAhead> conformedAhead = new ConcurrentHashMap<>();

    /** A class file conformed to its running class while the burst's writes went on. */
    private record ConformedAhead(byte[] compiled, RunningMembers members, byte[] conformed) {
    }

    /**
     * A class kept with its members, conformed: a class of its own, not a method reference, since every body-only
     * save runs it and a lambda spins a class for good.
     */
    private final Attempt.Step<JudgedClass, PlannedClass.KeepsMembers, RewriteRefusedException> keepingMembers =
            new Attempt.Step<>() {
                @Override
                public PlannedClass.KeepsMembers apply(JudgedClass judged) throws RewriteRefusedException {
                    return keepingMembers(judged);
                }
            };

    BatchPlanner(StructuralEngine engine, ReloadHistory history, RunningClassFiles runningClassFiles) {
        this.engine = engine;
        this.history = history;
        this.runningClassFiles = runningClassFiles;
    }

    /**
     * {@return the batch's plan: one entry per changed class, in the batch's order}
     *
     * @param changed the changed classes, judged and not refused, never null
     * @throws RewriteRefusedException when a class's edit cannot be applied: nothing was applied
     */
    Plan plan(List<JudgedClass> changed) throws RewriteRefusedException {
        refuseConstantsWithoutInitializers(changed);
        List<JudgedClass> viaEngine = new ArrayList<>();
        List<JudgedClass> keeping = new ArrayList<>();
        for (JudgedClass judged : changed) {
            (needsEngine(judged) ? viaEngine : keeping).add(judged);
        }
        superclassesViaEngine(viaEngine, keeping);
        List<PlannedClass.Rewritten> rewritten = rewrite(viaEngine);
        List<PreparedRewrite> rewrites = new ArrayList<>();
        Map<Class<?>, PlannedClass> planned = new HashMap<>();
        for (PlannedClass.Rewritten each : rewritten) {
            rewrites.add(each.rewrite());
            planned.put(each.judged().type(), each);
        }
        List<Attempt<PlannedClass.KeepsMembers, RewriteRefusedException>> kept = BatchSteps.attempt(keeping,
                keepingMembers, RewriteRefusedException.class);
        for (Attempt<PlannedClass.KeepsMembers, RewriteRefusedException> attempt : kept) {
            PlannedClass.KeepsMembers keeps = attempt.value();
            Class<?> type = keeps.judged().type();
            planned.put(type, keeps.withClassFile(engine.linkCalls(keeps.classFile(), type.getClassLoader(),
                    rewrites)));
        }
        conformedAhead.clear(); // what was conformed ahead and not used: its class went through the engine, or changed
        List<PlannedClass> inOrder = new ArrayList<>(changed.size());
        for (JudgedClass judged : changed) {
            inOrder.add(planned.get(judged.type()));
        }
        return new Plan(Collections.unmodifiableList(inOrder));
    }

    /**
     * With {@code clinit=none} no initializer runs, so an added enum constant would stay null and {@code values()}
     * would not list it: refused.
     */
    private void refuseConstantsWithoutInitializers(List<JudgedClass> changed) throws RewriteRefusedException {
        if (engine.runsNewFieldInitializers()) {
            return;
        }
        for (JudgedClass judged : changed) {
            for (Change change : judged.verdict().changes()) {
                if (change instanceof FieldChange.EnumConstantChanged constant && constant.added()) {
                    throw new RewriteRefusedException(new Refusal(judged.type().getName(), "enum constant added: "
                            + constant.name(), "with clinit=none no initializer runs, so the constant would stay"
                            + " null and values() would not list it", "leave out clinit=none, or restart to apply"));
                }
            }
        }
    }

    /** {@return the fields the verdict finds added to what runs, which may have been added and removed before} */
    private static List<MemberKey> addedFields(Verdict verdict) {
        List<MemberKey> added = new ArrayList<>();
        for (Change change : verdict.changes()) {
            if (change instanceof FieldChange.Added field) {
                added.add(new MemberKey(field.name(), field.descriptor()));
            }
        }
        return added;
    }

    /** {@return the classes that go through the engine, prepared, in the batch's order} */
    private List<PlannedClass.Rewritten> rewrite(List<JudgedClass> viaEngine) throws RewriteRefusedException {
        Map<Class<?>, JudgedClass> byClass = new LinkedHashMap<>();
        for (JudgedClass judged : viaEngine) {
            byClass.put(judged.type(), judged);
        }
        Map<Class<?>, byte[]> running = runningClassFiles(viaEngine);
        List<ClassEdit> edits = new ArrayList<>();
        for (JudgedClass judged : viaEngine) {
            engine.startAddedFieldsAfresh(judged.type(), addedFields(judged.verdict()));
            edits.add(new ClassEdit(judged.type(), running.get(judged.type()), judged.file().file().bytes()));
        }
        try {
            List<PlannedClass.Rewritten> rewritten = new ArrayList<>();
            for (PreparedRewrite rewrite : engine.prepare(edits, new OutsideTheBatch())) {
                // Each rewrite names its class: no list is paired with another by position.
                rewritten.add(new PlannedClass.Rewritten(byClass.get(rewrite.definition().getDefinitionClass()),
                        rewrite));
            }
            return rewritten;
        } catch (UnsupportedEditException e) {
            throw new RewriteRefusedException(e.refusal());
        } catch (StructuralLinkException e) {
            throw new RewriteRefusedException(e.refusal());
        }
    }

    /**
     * Moves to the engine the classes and interfaces of the batch that keep their members but declare a method that
     * a class the engine rewrites adds an override of: that method must dispatch in the version the batch applies
     * too, which only the engine makes.
     */
    private static void superclassesViaEngine(List<JudgedClass> viaEngine, List<JudgedClass> keeping) {
        if (viaEngine.isEmpty()) {
            return; // no class adds an override: a body-only batch, however large, looks at none
        }
        for (JudgedClass kept : List.copyOf(keeping)) {
            Class<?> type = kept.type();
            boolean superclass = false;
            for (JudgedClass each : viaEngine) {
                if (each.type() != type && type.isAssignableFrom(each.type()) && addsAnOverrideOf(each, type)) {
                    superclass = true;
                    break;
                }
            }
            if (superclass && kept.takesNewMembers()) {
                keeping.remove(kept);
                viaEngine.add(kept);
            }
        }
    }

    /** {@return true when the class's new version adds a method that the superclass declares, overridable} */
    private static boolean addsAnOverrideOf(JudgedClass subclass, Class<?> superclass) {
        for (Change change : subclass.verdict().changes()) {
            if (change instanceof MethodChange.Added added) {
                for (Method declared : superclass.getDeclaredMethods()) {
                    if (!Modifier.isStatic(declared.getModifiers()) && !Modifier.isPrivate(declared.getModifiers())
                            && declared.getName().equals(added.name())
                            && Type.getMethodDescriptor(declared).equals(added.descriptor())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The classes outside the batch, as the engine reaches them: through the capture. */
    private final class OutsideTheBatch implements RunningClassFile {
        @Override
        public byte[] of(Class<?> type) throws StructuralLinkException {
            try {
                return runningClassFiles.recover(List.of(type)).get(type);
            } catch (RewriteRefusedException e) {
                throw new StructuralLinkException(type.getName(), e.refusals().get(0).reason(), null);
            }
        }

        @Override
        public void redefine(Class<?> type, byte[] classFile) throws StructuralLinkException {
            try {
                runningClassFiles.redefine(type, classFile);
            } catch (RewriteRefusedException e) {
                throw new StructuralLinkException(type.getName(), e.refusals().get(0).reason(), null);
            }
        }
    }

    /**
     * Conforms a class file read while its burst's writes go on, when its verdict says the class will keep its
     * members, so that the batch looks the conformed file up. May run on several threads at once; never throws.
     *
     * @param loaded the class the file would change, never null
     * @param verdict the verdict on the file, never null
     * @param compiled the class file as read, never null
     */
    void ahead(LoadedClass loaded, Verdict verdict, byte[] compiled) {
        if (verdict.kind().compareTo(Verdict.Kind.REDEFINABLE) > 0 || history.wasRewritten(loaded)
                || engine.dispatches(loaded.type())) {
            return; // the engine rewrites it, or may: conformed in the batch, if at all
        }
        try {
            RunningMembers members = history.runningMembers(loaded);
            conformedAhead.put(loaded.type(), new ConformedAhead(compiled, members, conform(compiled, members)));
        } catch (UnreadableClassException | RuntimeException e) {
            // The batch conforms the file itself, and says what is wrong.
        }
    }

    /** {@return the new class file of a class that keeps its members, conformed when the class was prepared at load} */
    private PlannedClass.KeepsMembers keepingMembers(JudgedClass judged) throws RewriteRefusedException {
        byte[] compiled = judged.file().file().bytes();
        try {
            RunningMembers members = history.runningMembers(judged.loaded());
            ConformedAhead ahead = conformedAhead.remove(judged.type());
            byte[] conformed = ahead != null && ahead.compiled() == compiled && ahead.members().equals(members)
                    ? ahead.conformed() : conform(compiled, members);
            return new PlannedClass.KeepsMembers(judged, conformed, members);
        } catch (UnreadableClassException e) {
            throw unreadable(judged, e);
        }
    }

    /**
     * {@return the class file with lambda sites shared, and conformed when the class was prepared at load} Only for a
     * class the engine never rewrote, so its running members say whether it takes new members.
     */
    private byte[] conform(byte[] compiled, RunningMembers members) {
        byte[] updated = engine.sharingLambdaSites(compiled);
        return members.prepared()
                ? LoadTimeAugmenter.conform(updated, members.nestMembers(), members.accessor()) : updated;
    }

    /**
     * {@return true when the class must go through the engine: it was prepared at load, and it was rewritten
     * before, or another agent changed it, or its new version adds or removes members}
     */
    private boolean needsEngine(JudgedClass judged) throws RewriteRefusedException {
        LoadedClass loaded = judged.loaded();
        try {
            if (!judged.takesNewMembers()) {
                return false; // as judging found it: nothing the batch does changes that before the call
            }
            if (history.wasRewritten(loaded) || loaded.captured().changedByOtherAgent()
                    || engine.dispatches(judged.type())) {
                return true;
            }
            return addsOrRemovesMembers(judged);
        } catch (UnreadableClassException e) {
            throw unreadable(judged, e);
        }
    }

    /**
     * {@return true when a change needs more than a redefinition, apart from a nest member the class lists already}
     * Looks up what the class runs only for an added nest member: a body-only change, most of a large batch, needs
     * nothing of it.
     */
    private boolean addsOrRemovesMembers(JudgedClass judged) throws UnreadableClassException {
        List<String> runningNestMembers = null;
        for (Change change : judged.verdict().changes()) {
            if (change.needs().compareTo(Verdict.Kind.REDEFINABLE) <= 0) {
                continue;
            }
            if (change instanceof TypeChange.NestMemberChanged nest && nest.added()) {
                if (runningNestMembers == null) {
                    runningNestMembers = history.runningMembers(judged.loaded()).nestMembers();
                }
                if (runningNestMembers.contains(nest.member())) {
                    continue; // a spare the class was prepared with, taken
                }
            }
            return true;
        }
        return false;
    }

    private Map<Class<?>, byte[]> runningClassFiles(List<JudgedClass> viaEngine) throws RewriteRefusedException {
        Map<Class<?>, byte[]> known = new LinkedHashMap<>();
        List<Class<?>> unknown = new ArrayList<>();
        for (JudgedClass judged : viaEngine) {
            byte[] earlier = history.rewrittenClassFile(judged.loaded());
            if (earlier != null) {
                known.put(judged.type(), earlier);
            } else {
                unknown.add(judged.type());
            }
        }
        if (!unknown.isEmpty()) {
            known.putAll(runningClassFiles.recover(unknown));
        }
        return known;
    }

    private static RewriteRefusedException unreadable(JudgedClass judged, UnreadableClassException e) {
        return new RewriteRefusedException(Refusals.unreadable(judged.type().getName(), e));
    }
}
