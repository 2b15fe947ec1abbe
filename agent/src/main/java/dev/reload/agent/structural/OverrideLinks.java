package dev.reload.agent.structural;

import dev.reload.patcher.shape.MemberKey;
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
 */
record OverrideLinks(Class<?> type, Map<MemberKey, MethodHandle> ownBodies, Map<MemberKey, Class<?>> declarers,
                     Set<MemberKey> declaredNow) {
    OverrideLinks {
        ownBodies = Map.copyOf(ownBodies);
        declarers = Map.copyOf(declarers);
        declaredNow = Set.copyOf(declaredNow);
    }

    /** {@return links that change no dispatch, for a class that neither dispatches nor overrides} */
    static OverrideLinks none(Class<?> type) {
        return new OverrideLinks(type, Map.of(), Map.of(), Set.of());
    }

    /**
     * Relinks the dispatches, after the redefinition took.
     *
     * @param movedMethods the handles of every method of the class's new companion, by runtime key, never null
     */
    void commit(Map<String, MethodHandle> movedMethods) {
        ownBodies.forEach((key, body) -> OverrideDispatch.of(type, key.runtimeKey()).ownBody(body));
        declarers.forEach((key, declarer) -> OverrideDispatch.of(declarer, key.runtimeKey()).overriddenBy(type,
                declaredNow.contains(key) ? movedMethods.get(key.runtimeKey()) : null));
    }
}
