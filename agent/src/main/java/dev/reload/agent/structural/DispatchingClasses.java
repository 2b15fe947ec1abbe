package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.AddedMethod;
import dev.reload.patcher.rewrite.DispatchingDeclarations;
import dev.reload.patcher.rewrite.LinkedSuperCalls;
import dev.reload.patcher.shape.MemberKey;
import dev.reload.runtime.ClassLinks;
import dev.reload.runtime.OverrideDispatch;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The watched classes whose methods dispatch on the receiver's class because a reload added an override of them to
 * a subclass. The first override of a method makes its declaration dispatch: one redefinition of the declaring
 * class, before the batch, that changes nothing the program does (the dispatch runs the declaration's own body
 * until the batch adding the override took). Every later rewrite of that class makes the same methods dispatch
 * again, with their new bodies as own bodies. Super calls of a dispatching method, written in the methods a class
 * declares, link through the runtime in every class that runs, loads or is reloaded later. Classes no reload
 * overrode are never touched. Used by the reload thread only.
 */
final class DispatchingClasses {
    private final Map<Class<?>, Set<MemberKey>> dispatching = Collections.synchronizedMap(new WeakHashMap<>());
    private final RunningClasses watched;

    /** @param watched the watched classes as they run, which tell a watched class without the accessor */
    DispatchingClasses(RunningClasses watched) {
        this.watched = watched;
    }

    /** {@return the methods of the class that dispatch, never null} */
    Set<MemberKey> of(Class<?> type) {
        Set<MemberKey> keys = dispatching.get(type);
        return keys == null ? Set.of() : Set.copyOf(keys);
    }

    /** {@return true when a method of the class dispatches} */
    boolean dispatches(Class<?> type) {
        return dispatching.containsKey(type);
    }

    /** {@return true when a method of some class dispatches} */
    boolean any() {
        return !dispatching.isEmpty();
    }

    /** {@return the name and descriptor of every method that dispatches in some class, never null} */
    Set<MemberKey> keys() {
        Set<MemberKey> keys = new HashSet<>();
        synchronized (dispatching) {
            for (Set<MemberKey> each : dispatching.values()) {
                keys.addAll(each);
            }
        }
        return keys;
    }

    /**
     * Makes the overridden declarations that do not dispatch yet dispatch, redefining their classes, and links
     * through the runtime the super calls of those methods that the loaded watched subclasses make from their own
     * methods ({@link LinkedSuperCalls}): the JVM's {@code invokespecial} would reach the dispatch, which chooses an
     * override by the receiver's class. Neither redefinition changes what the program does until the batch took.
     *
     * @param needed the methods that must dispatch, by declaring class, never null
     * @param batch the classes of the batch, whose new class files link their super calls anyway; never null
     * @param files gives the class file each class outside the batch runs, and redefines it; never null
     * @param instrumentation finds the loaded subclasses, never null
     * @throws StructuralLinkException when a class cannot be made to dispatch, or a subclass to link its super
     *                                 calls; those made before keep doing so, which changes nothing they do
     */
    void ensure(Map<Class<?>, Set<MemberKey>> needed, Set<Class<?>> batch, RunningClassFile files,
                Instrumentation instrumentation) throws StructuralLinkException {
        for (Map.Entry<Class<?>, Set<MemberKey>> entry : needed.entrySet()) {
            Class<?> declarer = entry.getKey();
            Set<MemberKey> missing = new HashSet<>(entry.getValue());
            missing.removeAll(of(declarer));
            if (missing.isEmpty()) {
                continue;
            }
            DispatchingDeclarations.Dispatching made = DispatchingDeclarations.dispatch(files.of(declarer), missing);
            if (made == null) {
                throw new StructuralLinkException(declarer.getName(), "it runs no body of " + missing
                        + " to dispatch from", null);
            }
            // Linkable before the class calls the dispatch; no override is linked yet, so it runs the own body.
            for (Map.Entry<MemberKey, MethodHandle> own : ownBodies(declarer, made).entrySet()) {
                OverrideDispatch.of(declarer, own.getKey().runtimeKey()).ownBody(own.getValue());
            }
            files.redefine(declarer, LinkedSuperCalls.linked(made.target(), keys()));
            dispatching.computeIfAbsent(declarer, MovedOverrides.NEW_SET).addAll(missing);
            linkSuperCalls(declarer, missing, batch, files, instrumentation, watched);
        }
    }

    /** Links the super calls of the methods in the loaded watched subclasses of the declarer outside the batch. */
    private static void linkSuperCalls(Class<?> declarer, Set<MemberKey> methods, Set<Class<?>> batch,
                                       RunningClassFile files, Instrumentation instrumentation,
                                       RunningClasses watched) throws StructuralLinkException {
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (loaded == declarer || !declarer.isAssignableFrom(loaded) || loaded.isInterface()
                    || loaded.isHidden() || batch.contains(loaded) || !AddedOverrides.watched(loaded, watched)) {
                continue;
            }
            byte[] running = files.of(loaded);
            byte[] linked = LinkedSuperCalls.linked(running, methods);
            if (linked != running) {
                files.redefine(loaded, linked);
            }
        }
    }

    /**
     * {@return the own bodies of a class made to dispatch, by method, from the hidden nestmate holding them}
     *
     * @param declarer the class, never null
     * @param made what {@link DispatchingDeclarations#dispatch} made of it, never null
     * @throws StructuralLinkException when the JVM refused the class of own bodies
     */
    static Map<MemberKey, MethodHandle> ownBodies(Class<?> declarer, DispatchingDeclarations.Dispatching made)
            throws StructuralLinkException {
        MethodHandles.Lookup lookup = FullLookup.of(declarer, ClassLinks.of(declarer));
        try {
            MethodHandles.Lookup ownBodies = lookup.defineHiddenClass(made.ownBodies(), false,
                    MethodHandles.Lookup.ClassOption.NESTMATE);
            Map<MemberKey, MethodHandle> handles = new LinkedHashMap<>();
            String internalName = declarer.getName().replace('.', '/');
            for (AddedMethod method : made.methods()) {
                MethodType type = MethodType.fromMethodDescriptorString(method.staticDescriptor(internalName),
                        declarer.getClassLoader());
                handles.put(method.key(), ownBodies.findStatic(ownBodies.lookupClass(), method.name(), type));
            }
            return handles;
        } catch (IllegalAccessException | NoSuchMethodException | LinkageError | TypeNotPresentException e) {
            throw new StructuralLinkException(declarer.getName(), "the JVM refused the class holding the own"
                    + " bodies of its dispatching methods", e);
        }
    }
}
