package dev.reload.agent.structural;

import dev.reload.patcher.diff.Change;
import dev.reload.patcher.diff.FieldChange;
import dev.reload.patcher.diff.Verdict;
import dev.reload.patcher.shape.MemberKey;
import dev.reload.patcher.rewrite.ClassFileFormatException;
import dev.reload.patcher.rewrite.InitializerUpdate;
import dev.reload.patcher.rewrite.LinkedSuperCalls;
import dev.reload.patcher.rewrite.MovedMembers;
import dev.reload.patcher.rewrite.SharedLambdaSites;
import dev.reload.patcher.rewrite.StructuralRewriter;
import dev.reload.patcher.rewrite.UnsupportedEditException;

import dev.reload.runtime.AddedFields;
import dev.reload.runtime.ClassLinks;
import dev.reload.runtime.OverrideDispatch;
import org.objectweb.asm.Type;

import java.io.UncheckedIOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static dev.reload.agent.structural.AppliedMoves.keys;

/**
 * What the reload loop calls for a batch with structural edits: prepares every class of the batch, knowing
 * which methods each moves and which fields each adds, so that calls and field accesses between them link through
 * the runtime, and has {@code AppliedMoves} remember which methods are moved and fields added, from just before each
 * batch is redefined (taken back if the JVM refuses it), so that code loaded during the redefinition, or loaded or
 * reloaded later, reaches them the same way.
 * Thread-safe for one reload loop.
 */
public final class StructuralEngine {
    private final Instrumentation instrumentation;
    private final boolean newFieldInitializers;
    private final RunningClasses running;
    /**
     * Made for the first structural edit, on the reload loop's thread: the engine is made in {@code premain}, which
     * delays the program's {@code main} by every class it loads, and a program that never adds a member never needs it.
     */
    private StructuralReloader reloader;
    private final DispatchingClasses dispatching;
    /** What applied reloads moved and added, as classes that load or reload later see it. */
    private final AppliedMoves records;

    /**
     * Makes the engine of one reload loop.
     *
     * @param instrumentation used to put the runtime classes on the boot class path when the first edit needs
     *                        them, not before: appending to it makes HotSpot print a warning and stop sharing
     *                        (CDS) the classes of other loaders, a cost a program that never adds a method
     *                        should not pay; never null
     * @param newFieldInitializers true to run, once, the initializers of the static fields a reload adds
     *                             (the default; not with {@code clinit=none})
     * @param running the watched classes as they run, to link members named through a subclass; never null
     */
    public StructuralEngine(Instrumentation instrumentation, boolean newFieldInitializers, RunningClasses running) {
        this.instrumentation = Objects.requireNonNull(instrumentation, "instrumentation");
        this.newFieldInitializers = newFieldInitializers;
        this.running = Objects.requireNonNull(running, "running");
        this.dispatching = new DispatchingClasses(running);
        this.records = new AppliedMoves(running);
    }

    /** {@return true when the initializers of added static fields, and changed ones, run (not {@code clinit=none})} */
    public boolean runsNewFieldInitializers() {
        return newFieldInitializers;
    }

    /**
     * {@return the batch's edits, prepared, in the same order}: put each {@link PreparedRewrite#definition()} in
     * one {@code redefineClasses}, then call {@link #applied(List, Map)}. A class whose edit is body-only may be passed
     * too, so that its calls to methods moved elsewhere are linked.
     *
     * @param edits the classes of the batch, never null
     * @throws UnsupportedEditException when one edit cannot be applied: apply none of the batch
     * @throws StructuralLinkException when the JVM refused a companion or bridges: apply none of the batch
     */
    public List<PreparedRewrite> prepare(List<ClassEdit> edits) throws UnsupportedEditException,
            StructuralLinkException {
        return prepare(edits, RunningClassFile.NONE);
    }

    /**
     * {@return the batch's edits, prepared, in the same order}, as {@link #prepare(List)} does; a method a class of
     * the batch adds that overrides a superclass's is reached by calls through the superclass: the declaration it
     * overrides is made to dispatch on the receiver's class first, its class redefined now when it is not in the
     * batch (which changes nothing it does until the batch took)
     *
     * @param edits the classes of the batch, never null
     * @param files gives the class file a superclass outside the batch runs, never null
     * @throws UnsupportedEditException when one edit cannot be applied: apply none of the batch
     * @throws StructuralLinkException when the JVM refused a companion, bridges or a dispatch: apply none of the
     *                                 batch
     */
    public List<PreparedRewrite> prepare(List<ClassEdit> edits, RunningClassFile files)
            throws UnsupportedEditException, StructuralLinkException {
        if (edits.isEmpty()) {
            // A batch of method bodies only, the usual save: nothing to prepare, and no lambda below is linked, each
            // of which would spin a class that every later redefinition walks.
            return List.of();
        }
        BatchMoves batchMoves = new BatchMoves(edits, records, running);
        LoadedClasses loadedClasses = new LoadedClasses(instrumentation);
        Map<ClassEdit, Map<Class<?>, Set<MemberKey>>> earlierByEdit = records.overriddenEarlier(edits,
                batchMoves.declared(), batchMoves.unlinkedByEdit(), loadedClasses);
        // Before anything touches the runtime: each rewrite gets its class's links, and a nested class the batch
        // adds links to its nest through the runtime when it loads, even when the batch moves nothing.
        RuntimeJar.install(instrumentation);
        batchMoves.checkImplementations(edits, records, loadedClasses);
        Set<Class<?>> batch = new HashSet<>();
        for (ClassEdit edit : edits) {
            batch.add(edit.loaded());
        }
        dispatching.ensure(batchMoves.toDispatch(), batch, files, instrumentation);
        List<PreparedRewrite> prepared = new ArrayList<>();
        for (ClassEdit edit : edits) {
            prepared.add(prepare(edit, batchMoves, earlierByEdit.get(edit)));
        }
        return prepared;
    }

    private PreparedRewrite prepare(ClassEdit edit, BatchMoves batchMoves,
                                    Map<Class<?>, Set<MemberKey>> overriddenEarlier)
            throws UnsupportedEditException, StructuralLinkException {
        if (reloader == null) {
            reloader = new StructuralReloader(running);
        }
        PreparedRewrite rewrite = reloader.prepare(edit.loaded(), edit.running(), records.lastRewrite(edit.loaded()),
                edit.updated(), batchMoves.view(edit.loaded().getClassLoader()), batchMoves.unlinked(edit),
                dispatching.of(edit.loaded()), batchMoves.addedByReloads());
        AbstractImplementations.dispatchBeforeAnyCall(edit.loaded(), batchMoves.implementing(edit));
        return rewrite.withClassFile(linkSuperCalls(sharingLambdaSites(rewrite.definition().getDefinitionClassFile())))
                .overriddenEarlier(overriddenEarlier)
                .implementingAbstract(batchMoves.implementing(edit))
                .droppedWithInterface(AddedToInterfaces.droppedWithInterface(edit.loaded(), rewrite.rewrite(),
                        batchMoves.addedByReloads(), batchMoves.declared(), records));
    }

    /**
     * {@return the class file to redefine a class with, its lambdas linking through the runtime so that linking
     * them again after this redefinition makes no new lambda class ({@link SharedLambdaSites}); the same bytes when
     * it has no lambdas or the runtime cannot go on the boot class path}
     *
     * @param classFile the class file the class is to be redefined with, never null
     */
    public byte[] sharingLambdaSites(byte[] classFile) {
        try {
            byte[] pointed = SharedLambdaSites.pointedAtRuntime(classFile);
            if (pointed != classFile) {
                RuntimeJar.install(instrumentation);
            }
            return pointed;
        } catch (ClassFileFormatException | IllegalStateException | UncheckedIOException e) {
            // Lambdas then link as the JVM links them, each relink a new class: a cost, never a failure.
            return classFile;
        }
    }

    /**
     * {@return true when a method of the class dispatches on the receiver's class because a reload added an
     * override of it: every redefinition of the class must go through {@link #prepare}, which keeps it
     * dispatching}
     */
    public boolean dispatches(Class<?> type) {
        return dispatching.dispatches(type);
    }

    /**
     * {@return the class file with its super calls of methods that dispatch linked through the runtime
     * ({@link LinkedSuperCalls}); the very same array when it makes none, or nothing dispatches}: every class file
     * the agent redefines or a watched class loads with passes here once a method dispatches
     *
     * @param classFile a class file, never null
     */
    public byte[] linkSuperCalls(byte[] classFile) {
        if (!dispatching.any()) {
            return classFile;
        }
        return LinkedSuperCalls.linked(classFile, dispatching.keys());
    }

    /**
     * Links every call of the moved methods of a batch the JVM just redefined to their new versions, the moment
     * {@code redefineClasses} returned: the new code's calls reach them already, and a frame running until then met
     * the old body through the calls linked before ({@link #applied} does the rest of the linking after).
     *
     * @param batch the batch the JVM took, never null
     */
    public void relinkMovedMethods(List<PreparedRewrite> batch) {
        for (PreparedRewrite rewrite : batch) {
            rewrite.relinkMovedMethods();
        }
    }

    /**
     * Links the calls of a batch that the JVM redefined, remembers what it moved, and runs the initializers of the
     * static fields it added when told to, but for those its changed initializers run.
     *
     * @param batch the batch the JVM took, never null
     * @param changedInitializers the changed initializers that run after the batch, by class; never null
     * @return a line for each added static field whose initializer did not run as written; empty when none
     */
    public List<String> applied(List<PreparedRewrite> batch, Map<Class<?>, InitializerUpdate> changedInitializers) {
        publish(batch);
        for (PreparedRewrite rewrite : batch) {
            rewrite.commit();
            records.committed(rewrite);
            choosingDeclared(rewrite);
        }
        return newFieldInitializers ? FieldInitializerRunner.run(batch, changedInitializers) : List.of();
    }

    /**
     * Gives the fields a batch retyped back to the type they loaded with the values the versions in between held,
     * where they fit: once just before {@code redefineClasses}, once after the JVM took the batch (then only the values
     * written between the two).
     *
     * @param type a class of the batch, never null
     * @param verdict its verdict, never null
     * @param returned what went back the first time, by class, then by field: empty the first time, which fills it for
     *                 the classes that retype a field; never null
     * @param took false the first time, true the second, once the JVM took the batch
     * @return a line for each field whose values could not go back; empty when none
     */
    public List<String> returnRetypedValues(Class<?> type, Verdict verdict,
                                            Map<Class<?>, Map<String, Map<Object, Object>>> returned, boolean took) {
        List<FieldChange.TypeChanged> retyped = new ArrayList<>();
        for (Change change : verdict.changes()) {
            if (change instanceof FieldChange.TypeChanged typeChanged) {
                retyped.add(typeChanged);
            }
        }
        if (retyped.isEmpty()) {
            return List.of();
        }
        RuntimeJar.install(instrumentation); // before anything touches the runtime, as the batch's preparing does
        Map<String, Map<Object, Object>> ofClass = returned.get(type);
        if (ofClass == null) {
            ofClass = new HashMap<>();
            returned.put(type, ofClass);
        }
        return RetypedFields.returnValues(type, retyped, ofClass, took);
    }

    /**
     * Starts the fields a new version adds to what runs afresh, before the batch that adds them is prepared: a field
     * an earlier reload added and a later one removed would otherwise come back with the values it held then, and an
     * added static field without its initializer run again, where the report says it starts at its default value.
     *
     * @param type the class, never null
     * @param fields the fields the new version adds, each by name and descriptor, never null
     */
    public void startAddedFieldsAfresh(Class<?> type, List<MemberKey> fields) {
        if (fields.isEmpty()) {
            return;
        }
        RuntimeJar.install(instrumentation); // before anything touches the runtime, as the batch's preparing does
        AddedFields storage = AddedFields.of(type);
        for (MemberKey field : fields) {
            storage.startAfresh(field.name(), field.descriptor());
        }
    }

    /**
     * Shows every class that loads from now on what the batch moves and adds, as if it had taken: call it before
     * {@code redefineClasses}, which loads the classes the new code names while it checks that code (JVMS 4.10.1.2),
     * and before which the program's threads may load classes compiled against the new versions too; then
     * {@link #applied} when the JVM took the batch, or {@link #withdraw} when it did not. The methods the batch adds
     * are linkable already ({@link #prepare} staged them).
     *
     * @param batch what {@link #prepare} gave, never null
     * @return what the batch's classes showed before, for {@link #withdraw}; never null
     */
    public PublishedBatch publish(List<PreparedRewrite> batch) {
        if (newFieldInitializers) {
            FieldInitializerRunner.expect(batch);
        }
        PublishedBatch published = records.publish(batch).of(batch);
        for (PreparedRewrite rewrite : batch) {
            rewrite.redefining();
        }
        // After the records, outside their lock: a subclass that loads from now on makes these dispatch itself, one
        // loaded before is among the loaded classes now.
        dispatchForLoadedDeclarations(published.earlier());
        return published;
    }

    /**
     * Makes each overridable method that the batch adds to a class for the first time dispatch on the receiver's
     * class when a loaded subclass declares it itself (one that declared it before any version of the class had it):
     * calls through the class then reach that subclass's method, as they would had both loaded so. Asks for every
     * loaded class only when a batch first adds such a method to a class.
     */
    private void dispatchForLoadedDeclarations(List<PublishedBatch.Earlier> earlier) {
        Class<?>[] loadedClasses = null;
        for (PublishedBatch.Earlier each : earlier) {
            Set<MemberKey> fresh = new HashSet<>(records.overridable(each.internalName()));
            fresh.removeAll(each.overridable() != null ? each.overridable() : Set.of());
            if (fresh.isEmpty() || each.type().isInterface()) {
                continue;
            }
            loadedClasses = loadedClasses != null ? loadedClasses : instrumentation.getAllLoadedClasses();
            for (MemberKey key : MovedOverrides.declaredBySubclasses(each.type(), fresh, running, loadedClasses)) {
                ClassLinks.of(each.type()).dispatchOwn(key.runtimeKey());
            }
        }
    }

    /**
     * Shows the classes that load from now on what they saw before {@link #publish}, because the JVM did not take
     * the batch. A class that loaded in between keeps what it was shown: it names the versions the JVM refused.
     *
     * @param published what {@link #publish} returned for the batch, never null
     */
    public void withdraw(PublishedBatch published) {
        FieldInitializerRunner.forget(published.batch());
        records.withdraw(published);
        for (PreparedRewrite rewrite : published.batch()) {
            rewrite.withdraw();
        }
    }

    /**
     * Tells the dispatch of each package-access method of the class whether it chooses the methods that subclasses
     * in other packages declare: while the version now running makes it protected or public, which the running
     * declaration's access does not show, so that those subclasses' methods override it as the source says.
     */
    private void choosingDeclared(PreparedRewrite rewrite) {
        Class<?> type = rewrite.definition().getDefinitionClass();
        Set<MemberKey> dispatchingHere = dispatching.of(type);
        if (dispatchingHere.isEmpty()) {
            return;
        }
        for (Method method : type.getDeclaredMethods()) {
            MemberKey key = new MemberKey(method.getName(), Type.getMethodDescriptor(method));
            if (dispatchingHere.contains(key) && hasPackageAccess(method.getModifiers())) {
                OverrideDispatch.of(type, key.runtimeKey()).choosesDeclared(rewrite.widened().contains(key));
            }
        }
    }

    private static boolean hasPackageAccess(int modifiers) {
        return (modifiers & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.PRIVATE)) == 0;
    }

    /**
     * {@return a class file of a batch that keeps its declared members (a body-only change, or a class not
     * prepared at load), with its calls to methods moved before or by the batch linked through the runtime; the
     * very same array when it calls none}
     *
     * @param classFile the class file to redefine the class with, never null
     * @param loader the class's loader, never null
     * @param batch what {@link #prepare} gave for the other classes of the batch, never null
     */
    public byte[] linkCalls(byte[] classFile, ClassLoader loader, List<PreparedRewrite> batch) {
        if (batch.isEmpty() && noneMoved(records.moved().values())) {
            // A batch of body edits after none that moved a method: no maps to copy for each of its classes.
            return linkSuperCalls(classFile);
        }
        Map<String, Set<MemberKey>> moves = new HashMap<>(records.moved());
        Map<String, Set<MemberKey>> widened = new HashMap<>(records.widened());
        for (PreparedRewrite rewrite : batch) {
            moves.put(rewrite.rewrite().internalName(), keys(rewrite));
            widened.put(rewrite.rewrite().internalName(), rewrite.widened());
        }
        byte[] superCallsLinked = linkSuperCalls(classFile);
        if (noneMoved(moves.values())) {
            return superCallsLinked;
        }
        return StructuralRewriter.redirectCalls(superCallsLinked, view(moves, widened, loader));
    }

    /** A loop, not a stream: every class of every batch asks it. */
    private static boolean noneMoved(Collection<Set<MemberKey>> moved) {
        for (Set<MemberKey> each : moved) {
            if (!each.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return the methods and fields that applied reloads added to a class of {@code loader}, which calls reach
     * through the runtime although the class as the JVM runs it does not declare them; removed ones still run}
     *
     * @param loader the class's defining loader, never null
     * @param internalName the class's internal name, never null
     */
    public Set<MemberKey> addedMembers(ClassLoader loader, String internalName) {
        return records.addedMembers(loader, internalName);
    }

    /**
     * {@return a class file about to load in {@code loader}, with its calls to the methods moved in classes of that
     * loader or its ancestors linked through the runtime; the very same array when it calls none}: a class of
     * the same name in another loader is another class, which declares its methods itself. A class inheriting an
     * implementation that a reload added to a superclass, of an abstract method, is given a method calling it
     * ({@link AbstractImplementations}), linked here too.
     *
     * @param loader the defining loader, never null
     * @param internalName the loading class's internal name, never null
     * @param loadingFile its class file, never null
     */
    public byte[] linkCallsOfLoadingClass(ClassLoader loader, String internalName, byte[] loadingFile) {
        return records.linkCallsOfLoadingClass(loader, internalName, loadingFile);
    }

    /**
     * {@return the view of moved methods and added fields whose keys are in {@code moves}, by class, followed up
     * from subclasses through the watched classes {@code loader} sees}
     */
    private MovedMembers view(Map<String, Set<MemberKey>> moves, Map<String, Set<MemberKey>> widened,
                              ClassLoader loader) {
        return new InheritedMoves(moves, widened, running, loader);
    }
}
