package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.AddedField;
import dev.reload.patcher.rewrite.AddedMethod;
import dev.reload.patcher.rewrite.ClassReferences;
import dev.reload.patcher.rewrite.LastRewrite;
import dev.reload.patcher.rewrite.StructuralRewrite;
import dev.reload.patcher.rewrite.StructuralRewriter;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.MemberKey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the applied reloads moved and added, as the classes that load or reload later see it: by class and by class
 * loader, the methods moved to companions and the fields added, the methods widened in place and the overridable
 * ones; the implementations of inherited abstract methods given to subclasses loading later; the methods added to
 * interfaces, and what each class's last rewrite left running; and the linking of each class that loads to them. A
 * batch's moves are recorded from just before its redefinition ({@link #publish}), so that a class loading during it
 * is linked to them too, and taken back when the JVM refuses it ({@link #withdraw}); the rest once the batch is
 * committed ({@link #committed}). Apart from {@link StructuralEngine}, which plans each batch from these records, so
 * that no class both remembers and plans.
 * Thread-safe for one reload loop, which alone publishes, withdraws and commits; any thread may link a loading
 * class or ask what a class gained: a batch's moves are published and withdrawn under one lock, under which those
 * read them.
 */
final class AppliedMoves {
    private final RunningClasses running;
    private final AbstractImplementations abstractImplementations = new AbstractImplementations();
    /** Moved methods and added fields of applied reloads: internal name of the class to their keys. */
    private final Map<String, Set<MemberKey>> applied = new ConcurrentHashMap<>();
    /**
     * Of those, the methods the running version declares that a subclass could override, and that could override a
     * superclass's; not the dropped ones carried for code from before.
     */
    private final Map<String, Set<MemberKey>> appliedOverridable = new ConcurrentHashMap<>();
    /** The protected methods made public, kept in place, by class: their calls link but super calls stay. */
    private final Map<String, Set<MemberKey>> appliedWidened = new ConcurrentHashMap<>();
    /** The same, by the class loader of the class: a class loading elsewhere sees only its loader's and ancestors'. */
    private final Map<ClassLoader, Map<String, Set<MemberKey>>> appliedByLoader =
            Collections.synchronizedMap(new WeakHashMap<>());
    /** True once an applied reload moved a method or added a field: until then no loading class needs linking. */
    private volatile boolean anyMoved;
    /**
     * The names of every moved method and added field, in any loader, without descriptors: kept as batches apply,
     * so that a loading class is checked against them without gathering them for each class that loads.
     */
    private final Set<String> movedMemberNames = ConcurrentHashMap.newKeySet();
    /** The instance methods reloads added to each interface, which calls through it reach by dispatch. */
    private final Map<Class<?>, Set<MemberKey>> interfaceMethods = Collections.synchronizedMap(new WeakHashMap<>());
    /** What each rewritten class's last rewrite left running (lambda bodies, companion), for its next rewrite. */
    private final Map<Class<?>, LastRewrite> lastRewrites = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Makes the records of one reload loop, empty.
     *
     * @param running the watched classes as they run, to link members named through a subclass; never null
     */
    AppliedMoves(RunningClasses running) {
        this.running = running;
    }

    /** {@return the moved and widened methods calls link to, and the added fields, by class; unmodifiable, live} */
    Map<String, Set<MemberKey>> moved() {
        return Collections.unmodifiableMap(applied);
    }

    /** {@return the protected methods made public, kept in place, by class; unmodifiable, live} */
    Map<String, Set<MemberKey>> widened() {
        return Collections.unmodifiableMap(appliedWidened);
    }

    /**
     * {@return the overridable methods that reloads moved in a class, empty when none}
     *
     * @param internalName the class's internal name, never null
     */
    Set<MemberKey> overridable(String internalName) {
        return appliedOverridable.getOrDefault(internalName, Set.of());
    }

    /**
     * {@return what the class's last rewrite left running, for its next rewrite; null before its first}
     *
     * @param type a class of the batch, never null
     */
    LastRewrite lastRewrite(Class<?> type) {
        return lastRewrites.get(type);
    }

    /**
     * {@return the instance methods reloads added to the interface; empty for a class or none}
     *
     * @param type a class or interface, never null
     */
    Set<MemberKey> interfaceMethods(Class<?> type) {
        return interfaceMethods.getOrDefault(type, Set.of());
    }

    /**
     * {@return the overridable methods reloads added to each interface and class, by earlier batches or by this
     * one}: calls through the interface reach each class's implementation by dispatch, and so do calls of a class's
     * added method once a reload overrode it
     *
     * @param declaredByBatch the methods each class of the batch adds, by class
     */
    Function<Class<?>, Set<MemberKey>> addedByReloads(Map<Class<?>, List<AddedMethod>> declaredByBatch) {
        Map<Class<?>, Set<MemberKey>> added = new HashMap<>();
        synchronized (interfaceMethods) {
            added.putAll(interfaceMethods);
        }
        // A loop and a named class, not lambdas: every save's linking asks, and each lambda would spin a class
        // that every later redefinition walks.
        for (Map.Entry<Class<?>, List<AddedMethod>> moved : declaredByBatch.entrySet()) {
            Set<MemberKey> keys = new HashSet<>(added.getOrDefault(moved.getKey(), Set.of()));
            keys.addAll(overridableKeys(moved.getValue()));
            added.put(moved.getKey(), keys);
        }
        return new AddedByReloads(added, appliedOverridable);
    }

    /** The overridable methods reloads added, by class: those of the batch and interfaces', else the applied ones. */
    private record AddedByReloads(Map<Class<?>, Set<MemberKey>> added,
                                  Map<String, Set<MemberKey>> appliedOverridable)
            implements Function<Class<?>, Set<MemberKey>> {
        @Override
        public Set<MemberKey> apply(Class<?> type) {
            return type.isInterface() || added.containsKey(type) ? added.getOrDefault(type, Set.of())
                    : appliedOverridable.getOrDefault(type.getName().replace('.', '/'), Set.of());
        }
    }

    /**
     * {@return for each edit, the loaded subclasses outside the batch whose earlier reloads added a method the edit
     * adds now, by subclass}: the reverse order of an added override, reached through the edited class's dispatch
     *
     * @param edits the classes of the batch, never null
     * @param declaredByBatch the methods each class of the batch adds, by class; never null
     * @param unlinkedByEdit the methods each edit adds that calls reach by a dispatch, never null
     * @param loadedClasses gives every class the JVM has loaded, asked only when needed; never null
     */
    Map<ClassEdit, Map<Class<?>, Set<MemberKey>>> overriddenEarlier(
            List<ClassEdit> edits, Map<Class<?>, List<AddedMethod>> declaredByBatch,
            Map<ClassEdit, Set<MemberKey>> unlinkedByEdit, Supplier<Class<?>[]> loadedClasses) {
        Set<Class<?>> batch = new HashSet<>();
        for (ClassEdit edit : edits) {
            batch.add(edit.loaded());
        }
        Map<ClassEdit, Map<Class<?>, Set<MemberKey>>> earlier = new HashMap<>();
        for (ClassEdit edit : edits) {
            Set<MemberKey> fresh = new HashSet<>(overridableKeys(declaredByBatch.get(edit.loaded())));
            fresh.removeAll(appliedOverridable.getOrDefault(edit.internalName(), Set.of()));
            fresh.removeAll(unlinkedByEdit.get(edit));
            // Every loaded class is asked for only when another class has such a method, which is rare.
            earlier.put(edit, MovedOverrides.overriddenEarlier(edit.loaded(), fresh, appliedOverridable, batch,
                    loadedClasses));
        }
        return earlier;
    }

    /**
     * Records what each class of the batch moves and adds, and the implementations of inherited abstract methods it
     * gives subclasses, as every class loading from now on sees them ({@link StructuralEngine#publish}).
     *
     * @param batch what {@link StructuralEngine#prepare} gave, never null
     * @return what the batch's classes showed before, for {@link #withdraw}; never null
     */
    PublishedBatch publish(List<PreparedRewrite> batch) {
        List<PublishedBatch.Earlier> earlier = new ArrayList<>();
        synchronized (appliedByLoader) {
            for (PreparedRewrite rewrite : batch) {
                Class<?> type = rewrite.definition().getDefinitionClass();
                String internalName = rewrite.rewrite().internalName();
                ClassLoader loader = type.getClassLoader();
                earlier.add(new PublishedBatch.Earlier(type, internalName, applied.get(internalName),
                        appliedWidened.get(internalName), appliedOverridable.get(internalName),
                        appliedByLoader.getOrDefault(loader, Map.of()).get(internalName),
                        abstractImplementations.declaredBy(type)));
                record(rewrite, internalName, loader);
                abstractImplementations.applied(type, rewrite.abstractImplementations());
            }
        }
        return new PublishedBatch(earlier);
    }

    /**
     * Puts back what the batch's classes showed before {@link #publish} ({@link StructuralEngine#withdraw}).
     *
     * @param published what {@link #publish} returned for the batch, never null
     */
    void withdraw(PublishedBatch published) {
        synchronized (appliedByLoader) {
            for (PublishedBatch.Earlier each : published.earlier()) {
                restore(applied, each.internalName(), each.moved());
                restore(appliedWidened, each.internalName(), each.widened());
                restore(appliedOverridable, each.internalName(), each.overridable());
                restore(byLoader(each.type().getClassLoader()), each.internalName(), each.seenByLoader());
                abstractImplementations.applied(each.type(), each.implementations());
            }
        }
    }

    /** Records what a class of a batch moves and adds, as every class loading from now on sees it. */
    private void record(PreparedRewrite rewrite, String internalName, ClassLoader loader) {
        Set<MemberKey> keys = keys(rewrite);
        applied.put(internalName, keys);
        appliedWidened.put(internalName, rewrite.widened());
        // Only what the running version declares: a method it dropped keeps its last body for code from before,
        // but a superclass adding it later must not dispatch to that body.
        appliedOverridable.put(internalName, overridableKeys(notByDispatch(rewrite.rewrite().declaredMoved(),
                rewrite)));
        // Both only ever grow: they let a loading class that names nothing moved skip the work, and a withdrawn
        // batch's names cost that class the lookups, never a wrong link.
        anyMoved |= !keys.isEmpty();
        // A constructor is named by its own class, which a loading class that calls it names anyway.
        for (MemberKey key : keys) {
            if (!key.name().equals("<init>")) {
                movedMemberNames.add(key.name());
            }
        }
        byLoader(loader).put(internalName, keys);
    }

    /** {@return what applied reloads moved in classes of the loader}: {@code computeIfAbsent} without a lambda */
    private Map<String, Set<MemberKey>> byLoader(ClassLoader loader) {
        Map<String, Set<MemberKey>> records = appliedByLoader.get(loader);
        if (records == null) {
            records = new ConcurrentHashMap<>();
            appliedByLoader.put(loader, records);
        }
        return records;
    }

    private static void restore(Map<String, Set<MemberKey>> records, String internalName, Set<MemberKey> earlier) {
        if (earlier == null) {
            records.remove(internalName);
        } else {
            records.put(internalName, earlier);
        }
    }

    /**
     * Remembers what a class's rewrite, committed, left running for its next rewrite, and the methods it added to
     * an interface.
     *
     * @param rewrite a rewrite of a batch the JVM took, never null
     */
    void committed(PreparedRewrite rewrite) {
        lastRewrites.put(rewrite.definition().getDefinitionClass(), rewrite.rewrite().leftRunning());
        if (rewrite.definition().getDefinitionClass().isInterface()) {
            interfaceMethods.put(rewrite.definition().getDefinitionClass(),
                    overridableKeys(rewrite.rewrite().moved()));
        }
    }

    /**
     * {@return the methods and fields that applied reloads added to a class of {@code loader}
     * ({@link StructuralEngine#addedMembers})}
     *
     * @param loader the class's defining loader, never null
     * @param internalName the class's internal name, never null
     */
    Set<MemberKey> addedMembers(ClassLoader loader, String internalName) {
        synchronized (appliedByLoader) {
            return appliedByLoader.getOrDefault(loader, Map.of()).getOrDefault(internalName, Set.of());
        }
    }

    /**
     * {@return a class file about to load in {@code loader}, with its calls to the methods moved in classes of that
     * loader or its ancestors linked through the runtime; the very same array when it calls none}
     * ({@link StructuralEngine#linkCallsOfLoadingClass})
     *
     * @param loader the defining loader, never null
     * @param internalName the loading class's internal name, never null
     * @param loadingFile its class file, never null
     */
    byte[] linkCallsOfLoadingClass(ClassLoader loader, String internalName, byte[] loadingFile) {
        if (!anyMoved) {
            return loadingFile;
        }
        byte[] classFile = abstractImplementations.declaredAtLoad(loader, loadingFile, running);
        Map<String, Set<MemberKey>> visible = new HashMap<>();
        Map<String, Set<MemberKey>> widened;
        Map<String, Set<MemberKey>> overridable;
        // One batch's records or the next's, never half of each: a batch publishes them all under this lock.
        synchronized (appliedByLoader) {
            for (ClassLoader each = loader; each != null; each = each.getParent()) {
                for (Map.Entry<String, Set<MemberKey>> moved : appliedByLoader.getOrDefault(each, Map.of()).entrySet()) {
                    visible.putIfAbsent(moved.getKey(), moved.getValue());
                }
            }
            widened = Map.copyOf(appliedWidened);
            overridable = Map.copyOf(appliedOverridable);
        }
        visible.remove(internalName);
        for (Iterator<Set<MemberKey>> each = visible.values().iterator(); each.hasNext(); ) {
            if (each.next().isEmpty()) {
                each.remove();
            }
        }
        if (!ClassReferences.namesAny(classFile, visible.keySet())
                && !ClassReferences.namesAnyMember(classFile, movedMemberNames)) {
            return classFile;
        }
        RunningClasses withLoading = new RunningClasses() {
            private ClassShape loading;

            @Override
            public ClassShape running(ClassLoader seenFrom, String name) {
                // The loading class is not running yet: its own file says what it declares and extends.
                if (!name.equals(internalName)) {
                    return running.running(seenFrom, name);
                }
                if (loading == null) {
                    loading = AbstractImplementations.shapeOrNull(classFile);
                }
                return loading;
            }
        };
        InheritedMoves moves = new InheritedMoves(visible, widened, withLoading, loader);
        MovedOverrides.dispatchWhatItOverrides(loader, withLoading.running(loader, internalName), moves,
                overridable);
        return StructuralRewriter.redirectCalls(classFile, moves);
    }

    /** {@return the keys of the moved and widened methods calls link to, and of the added fields} */
    static Set<MemberKey> keys(PreparedRewrite prepared) {
        StructuralRewrite rewrite = prepared.rewrite();
        Set<MemberKey> keys = new HashSet<>(keys(notByDispatch(rewrite.moved(), prepared), rewrite.addedFields()));
        keys.addAll(prepared.widened());
        return Set.copyOf(keys);
    }

    static Set<MemberKey> overridableKeys(List<AddedMethod> moved) {
        Set<MemberKey> keys = new HashSet<>();
        for (AddedMethod method : moved) {
            if (method.overridable()) {
                keys.add(method.key());
            }
        }
        return Set.copyOf(keys);
    }

    /** {@return the methods calls link to: those not reached by a dispatch} */
    private static List<AddedMethod> notByDispatch(List<AddedMethod> moved, PreparedRewrite prepared) {
        List<AddedMethod> linked = new ArrayList<>();
        for (AddedMethod method : moved) {
            if (!prepared.reachedByDispatch().contains(method.key())) {
                linked.add(method);
            }
        }
        return linked;
    }

    /** {@return the keys of moved methods and added fields}: loops, as every structural batch asks */
    static Set<MemberKey> keys(List<AddedMethod> moved, List<AddedField> addedFields) {
        Set<MemberKey> keys = new HashSet<>();
        for (AddedMethod method : moved) {
            keys.add(method.key());
        }
        for (AddedField field : addedFields) {
            keys.add(field.key());
        }
        return Set.copyOf(keys);
    }
}
