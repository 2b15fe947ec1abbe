package dev.reload.agent.reload;

import dev.reload.agent.index.CapturedClass;
import dev.reload.agent.index.LoadedClass;
import dev.reload.agent.parallel.Attempt;
import dev.reload.agent.parallel.BatchSteps;
import dev.reload.agent.structural.ClassEdit;
import dev.reload.agent.structural.NestmateDefiner;
import dev.reload.agent.structural.PreparedRewrite;
import dev.reload.agent.structural.StructuralEngine;
import dev.reload.agent.structural.StructuralLinkException;
import dev.reload.agent.watch.ContentHash;
import dev.reload.patcher.diff.Change;
import dev.reload.patcher.diff.TypeChange;
import dev.reload.patcher.diff.Verdict;
import dev.reload.patcher.rewrite.LoadTimeAugmenter;
import dev.reload.patcher.rewrite.RuntimeNames;
import dev.reload.patcher.rewrite.UnsupportedEditException;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;

import java.lang.instrument.ClassDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Turns the changed classes of a batch into what {@code redefineClasses} takes. A class prepared at load (see
 * {@code LoadTimePreparation}) whose new version keeps its declared members is conformed to the running class
 * (accessor and nest members); one that adds or removes members goes through the {@link StructuralEngine},
 * which needs the class file the JVM runs, recovered only then. Remembers, for the classes reloaded and only for
 * them, the file last applied (what the next file is judged against), and for those the engine rewrote, the
 * bytes the JVM runs. Used by the reload thread only.
 */
final class Definitions {
    private final StructuralEngine engine;
    private final RunningClassFiles runningClassFiles;
    /** The shape of the class file last applied to each class reloaded, as compiled. */
    private final Map<Class<?>, ClassShape> appliedFiles = Collections.synchronizedMap(new WeakHashMap<>());
    private final Map<Class<?>, Rewritten> rewritten = Collections.synchronizedMap(new WeakHashMap<>());
    /** What the classes reloaded without the engine declare as they run, so the next batch need not parse it. */
    private final Map<Class<?>, RunningMembers> runningMembers = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * What a class the engine rewrote runs.
     *
     * @param running the class file the JVM runs since
     * @param runningHash its {@link ContentHash}, to tell whether another agent retransformed the class since
     */
    private record Rewritten(byte[] running, long runningHash) {
    }

    /**
     * What a running class declares that a reload without the engine keeps as it is: whether it was prepared at
     * load (it has the accessor), and its {@code NestMembers}, spares included.
     *
     * @param runningHash the {@link ContentHash} of the class file these facts were taken from or carried to
     * @param prepared true when the class has the accessor
     * @param nestMembers the running class's nest members, in order; empty and unused when it was not prepared
     */
    private record RunningMembers(long runningHash, boolean prepared, List<String> nestMembers) {
    }

    /**
     * A batch ready to redefine.
     *
     * @param definitions one per changed class, in the batch's order
     * @param rewrites what the engine prepared, to tell it once the redefinition took
     * @param files the shapes of the new class files, by class
     * @param rewrittenClasses the changed classes that went through the engine
     * @param kept the changed classes that keep their members, with what they declare as they run
     */
    record Prepared(ClassDefinition[] definitions, List<PreparedRewrite> rewrites, Map<Class<?>, ClassShape> files,
                    List<Class<?>> rewrittenClasses, Map<CapturedClass, RunningMembers> kept) {
    }

    Definitions(StructuralEngine engine, RunningClassFiles runningClassFiles) {
        this.engine = engine;
        this.runningClassFiles = runningClassFiles;
    }

    /** {@return what a new class file is judged against: the file last applied, as its developer wrote it} */
    ClassShape baseline(LoadedClass loaded) throws UnreadableClassException {
        ClassShape applied = appliedFiles.get(loaded.type());
        return applied != null ? applied : loaded.captured().shape();
    }

    /** {@return true when the class was prepared at load, so the engine can give it new members} */
    boolean takesNewMembers(LoadedClass loaded) throws UnreadableClassException {
        return rewritten.containsKey(loaded.type()) || runningMembers(loaded).prepared();
    }

    /**
     * {@return what the class declares as it runs}: carried over from the last reload when the JVM still runs what
     * it applied, so that a class reloaded again is not parsed again; read from the running class file otherwise
     */
    private RunningMembers runningMembers(LoadedClass loaded) throws UnreadableClassException {
        CapturedClass captured = loaded.captured();
        RunningMembers known = runningMembers.get(loaded.type());
        if (known != null && known.runningHash() == captured.runningHash()) {
            return known;
        }
        ClassShape running = captured.shape();
        boolean prepared = running.method(RuntimeNames.ACCESSOR_NAME, RuntimeNames.ACCESSOR_DESCRIPTOR).isPresent();
        return new RunningMembers(captured.runningHash(), prepared, prepared ? running.nestMembers() : List.of());
    }

    /**
     * {@return the batch's class definitions, in order}
     *
     * @param changed the changed classes, judged and not refused, never null
     * @throws RewriteRefusedException when a class's edit cannot be applied: nothing was applied
     */
    Prepared prepare(List<Candidate> changed) throws RewriteRefusedException {
        boolean[] viaEngine = new boolean[changed.size()];
        List<Candidate> engineCandidates = new ArrayList<>();
        for (int i = 0; i < viaEngine.length; i++) {
            viaEngine[i] = needsEngine(changed.get(i));
            if (viaEngine[i]) {
                engineCandidates.add(changed.get(i));
            }
        }
        try {
            Map<Class<?>, byte[]> running = runningClassFiles(engineCandidates);
            List<ClassEdit> edits = new ArrayList<>();
            for (Candidate candidate : engineCandidates) {
                Class<?> type = candidate.loaded().type();
                edits.add(new ClassEdit(type, running.get(type), candidate.file().file().bytes()));
            }
            List<PreparedRewrite> rewrites = engine.prepare(edits);
            return assemble(changed, viaEngine, rewrites);
        } catch (UnsupportedEditException e) {
            throw new RewriteRefusedException(e.refusal());
        } catch (StructuralLinkException e) {
            throw new RewriteRefusedException(e.refusal());
        }
    }

    /**
     * Defines the new numbered classes of a batch whose anonymous classes were renumbered, each in its outer class's
     * loader through the outer's own lookup, with its calls to methods the batch moves linked; {@return why one
     * could not be defined, or empty when all were} Called after {@link #prepare} and before the redefinition.
     *
     * @param newClasses the classes to define, never null
     * @param prepared the batch, prepared, never null
     */
    Optional<String> define(List<NewNumberedClass> newClasses, Prepared prepared) {
        for (NewNumberedClass newClass : newClasses) {
            try {
                NestmateDefiner.define(newClass.host(), engine.linkCalls(newClass.classFile(),
                        newClass.host().getClassLoader(), prepared.rewrites()));
            } catch (StructuralLinkException e) {
                return Optional.of(e.getMessage() + ": " + newClass.definedAs().replace('/', '.') + " from the file "
                        + newClass.file().getFileName());
            }
        }
        return Optional.empty();
    }

    /**
     * Tells the engine the batch took, and remembers what the classes it rewrote run now; {@return what the engine
     * has to report about it, one line each}
     */
    List<String> applied(Prepared prepared, Map<Class<?>, byte[]> runningNow) {
        List<String> notes = engine.applied(prepared.rewrites());
        appliedFiles.putAll(prepared.files());
        // A class conformed to its running members declares the same members after the reload: what the JVM runs
        // now differs in method bodies only, unless another agent changed the bytes on their way in.
        prepared.kept().forEach((captured, members) -> {
            Class<?> type = captured.type();
            if (type != null && !captured.changedByOtherAgent()) {
                runningMembers.put(type, new RunningMembers(captured.runningHash(), members.prepared(),
                        members.nestMembers()));
            }
        });
        for (Class<?> type : prepared.rewrittenClasses()) {
            byte[] running = runningNow.get(type);
            rewritten.put(type, new Rewritten(running, ContentHash.of(running)));
        }
        return notes;
    }

    private Prepared assemble(List<Candidate> changed, boolean[] viaEngine, List<PreparedRewrite> rewrites)
            throws RewriteRefusedException {
        ClassDefinition[] definitions = new ClassDefinition[changed.size()];
        Map<Class<?>, ClassShape> files = new LinkedHashMap<>();
        List<Class<?>> rewrittenClasses = new ArrayList<>();
        Map<CapturedClass, RunningMembers> kept = new LinkedHashMap<>();
        List<Candidate> keeping = new ArrayList<>();
        for (int i = 0; i < definitions.length; i++) {
            if (!viaEngine[i]) {
                keeping.add(changed.get(i));
            }
        }
        List<Attempt<byte[], UnreadableClassException>> conformed = BatchSteps.attempt(keeping, this::keepingMembers,
                UnreadableClassException.class);
        int nextRewrite = 0;
        int nextKept = 0;
        for (int i = 0; i < definitions.length; i++) {
            Candidate candidate = changed.get(i);
            Class<?> type = candidate.loaded().type();
            files.put(type, candidate.file().shape());
            if (viaEngine[i]) {
                definitions[i] = rewrites.get(nextRewrite++).definition();
                rewrittenClasses.add(type);
            } else {
                try {
                    definitions[i] = new ClassDefinition(type, engine.linkCalls(conformed.get(nextKept++).value(),
                            type.getClassLoader(), rewrites));
                    kept.put(candidate.loaded().captured(), runningMembers(candidate.loaded()));
                } catch (UnreadableClassException e) {
                    throw new RewriteRefusedException(Refusals.unreadable(type.getName(), e));
                }
            }
        }
        return new Prepared(definitions, rewrites, files, rewrittenClasses, kept);
    }

    /** {@return the new class file of a class that keeps its members, conformed when the class was prepared at load} */
    private byte[] keepingMembers(Candidate candidate) throws UnreadableClassException {
        byte[] updated = candidate.file().file().bytes();
        if (!takesNewMembers(candidate.loaded())) {
            return updated;
        }
        return LoadTimeAugmenter.conform(updated, runningMembers(candidate.loaded()).nestMembers());
    }

    /**
     * {@return true when the class must go through the engine: it was prepared at load, and it was rewritten
     * before, or another agent changed it, or its new version adds or removes members}
     */
    private boolean needsEngine(Candidate candidate) throws RewriteRefusedException {
        try {
            return needsEngineOrUnreadable(candidate);
        } catch (UnreadableClassException e) {
            throw new RewriteRefusedException(Refusals.unreadable(candidate.loaded().type().getName(), e));
        }
    }

    private boolean needsEngineOrUnreadable(Candidate candidate) throws UnreadableClassException {
        LoadedClass loaded = candidate.loaded();
        if (!takesNewMembers(loaded)) {
            return false;
        }
        if (rewritten.containsKey(loaded.type()) || loaded.captured().changedByOtherAgent()) {
            return true;
        }
        List<String> runningNestMembers = runningMembers(loaded).nestMembers();
        for (Change change : candidate.verdict().changes()) {
            boolean spareTaken = change instanceof TypeChange.NestMemberChanged nest && nest.added()
                    && runningNestMembers.contains(nest.member());
            if (change.needs().compareTo(Verdict.Kind.REDEFINABLE) > 0 && !spareTaken) {
                return true;
            }
        }
        return false;
    }

    private Map<Class<?>, byte[]> runningClassFiles(List<Candidate> viaEngine) throws RewriteRefusedException {
        Map<Class<?>, byte[]> known = new LinkedHashMap<>();
        List<Class<?>> unknown = new ArrayList<>();
        for (Candidate candidate : viaEngine) {
            Class<?> type = candidate.loaded().type();
            Rewritten earlier = rewritten.get(type);
            CapturedClass captured = candidate.loaded().captured();
            if (earlier != null && earlier.runningHash() == captured.runningHash()) {
                known.put(type, earlier.running());
            } else {
                unknown.add(type);
            }
        }
        if (!unknown.isEmpty()) {
            known.putAll(runningClassFiles.recover(unknown));
        }
        return known;
    }
}
