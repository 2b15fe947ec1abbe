package dev.reload.agent.structural;

import dev.reload.patcher.shape.MemberKey;
import dev.reload.runtime.ClassLinks;
import dev.reload.runtime.OverrideDispatch;

import java.lang.invoke.MethodHandle;
import java.util.Map;
import java.util.Set;

/**
 * What one rewrite of a class changes in the dispatches of overridden methods ({@link OverrideDispatch}), told
 * once the redefinition took: the own bodies of its declarations that dispatch, moved to a new class by this
 * rewrite, and its added overrides, each reached from now on by calls through the class that declares what it
 * overrides; an override the new version no longer declares stops receiving calls (its last body stays for code
 * from before that names it).
 *
 * @param type the rewritten class, never null
 * @param ownBodies the own bodies of its dispatching declarations, by method, in their static form; never null
 * @param declarers the class declaring what each of its moved overrides, declared now or before, overrides, by
 *                  the override's key; never null
 * @param declaredNow the overrides its new version declares, never null
 * @param overridingAdded the overrides, among {@code declarers}, of a method a reload added to the declarer: that
 *                        method dispatches from now on ({@link ClassLinks#dispatchOwn}), and so do calls of the
 *                        override named through this class; never null
 * @param overriddenEarlier the methods this rewrite adds that subclasses outside the batch added in earlier
 *                          reloads, by subclass: they override them from now on; never null
 * @param droppedWithInterface the implementations, among {@code declarers}, that the new version drops together with
 *                             the interface method they implement: they keep receiving the calls of code from before
 *                             with their last bodies; never null
 */
record OverrideLinks(Class<?> type, Map<MemberKey, MethodHandle> ownBodies, Map<MemberKey, Class<?>> declarers,
                     Set<MemberKey> declaredNow, Set<MemberKey> overridingAdded,
                     Map<Class<?>, Set<MemberKey>> overriddenEarlier, Set<MemberKey> droppedWithInterface) {
    OverrideLinks {
        ownBodies = Map.copyOf(ownBodies);
        declarers = Map.copyOf(declarers);
        declaredNow = Set.copyOf(declaredNow);
        overridingAdded = Set.copyOf(overridingAdded);
        overriddenEarlier = Map.copyOf(overriddenEarlier);
        droppedWithInterface = Set.copyOf(droppedWithInterface);
    }

    /** {@return links that change no dispatch, for a class that neither dispatches nor overrides} */
    static OverrideLinks none(Class<?> type) {
        return new OverrideLinks(type, Map.of(), Map.of(), Set.of(), Set.of(), Map.of(), Set.of());
    }

    /** {@return the same links, and the methods this rewrite adds that subclasses added earlier, by subclass} */
    OverrideLinks overriddenEarlier(Map<Class<?>, Set<MemberKey>> bySubclass) {
        return new OverrideLinks(type, ownBodies, declarers, declaredNow, overridingAdded, bySubclass,
                droppedWithInterface);
    }

    /** {@return the same links, whose dropped implementations of these interface methods keep their last bodies} */
    OverrideLinks droppedWithInterface(Set<MemberKey> keys) {
        return new OverrideLinks(type, ownBodies, declarers, declaredNow, overridingAdded, overriddenEarlier, keys);
    }

    /**
     * Relinks the dispatches, after the redefinition took.
     *
     * @param movedMethods the handles of every method of the class's new companion, by runtime key, never null
     */
    void commit(Map<String, MethodHandle> movedMethods) {
        // Loops, not lambdas: each would spin a class at the first structural edit that every redefinition walks.
        for (Map.Entry<MemberKey, MethodHandle> own : ownBodies.entrySet()) {
            OverrideDispatch.of(type, own.getKey().runtimeKey()).ownBody(own.getValue());
        }
        for (Map.Entry<MemberKey, Class<?>> each : declarers.entrySet()) {
            MemberKey key = each.getKey();
            Class<?> declarer = each.getValue();
            if (overridingAdded.contains(key)) {
                ClassLinks.of(declarer).dispatchOwn(key.runtimeKey());
                ClassLinks.of(type).reachThrough(key.runtimeKey(), declarer);
            }
            // An implementation dropped with the interface method is reached only by code from before, through the
            // interface's dispatch, whose own body for an abstract method throws: that code runs its last body.
            boolean reached = declaredNow.contains(key) || droppedWithInterface.contains(key);
            OverrideDispatch.of(declarer, key.runtimeKey()).overriddenBy(type,
                    reached ? movedMethods.get(key.runtimeKey()) : null);
        }
        for (Map.Entry<Class<?>, Set<MemberKey>> each : overriddenEarlier.entrySet()) {
            Class<?> subclass = each.getKey();
            for (MemberKey key : each.getValue()) {
                ClassLinks.of(type).dispatchOwn(key.runtimeKey());
                ClassLinks.of(subclass).reachThrough(key.runtimeKey(), type);
                OverrideDispatch.of(type, key.runtimeKey()).overriddenBy(subclass,
                        ClassLinks.of(subclass).implementation(key.runtimeKey()));
            }
        }
    }
}
