package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.AddedMethod;
import dev.reload.patcher.rewrite.Refusal;
import dev.reload.patcher.rewrite.StructuralRewrite;
import dev.reload.patcher.rewrite.UnsupportedEditException;
import dev.reload.patcher.shape.MemberKey;
import dev.reload.runtime.ClassLinks;
import dev.reload.runtime.OverrideDispatch;
import org.objectweb.asm.Type;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Methods a reload adds to an interface, abstract or default. The running interface cannot declare them, so calls
 * through it link to a dispatch on the receiver's class ({@link OverrideDispatch}, marked as added by a
 * reload): the implementation a reload added to the class or a superclass (registered like an added override),
 * else one the class declares, else the default body from the interface's companion, which for an abstract
 * method throws {@link AbstractMethodError}. So that it never does for an object made before the edit, a batch that
 * adds an abstract method is refused when a loaded class implementing the interface would have none.
 */
final class AddedToInterfaces {
    private AddedToInterfaces() {
    }

    /**
     * {@return the companion's handles of the methods an interface's rewrite adds that calls through it reach by
     * dispatch, by key}; a method no reload added before dispatches from now on, its default body linkable ahead of
     * the redefinition that starts calling it
     *
     * @param type the interface, never null
     * @param moved the methods its companion holds, never null
     * @param handles the companion's handles by runtime key, never null
     */
    static Map<MemberKey, MethodHandle> dispatchFirst(Class<?> type, List<AddedMethod> moved,
                                                      Map<String, MethodHandle> handles) {
        Map<MemberKey, MethodHandle> bodies = new LinkedHashMap<>();
        for (AddedMethod method : moved) {
            MethodHandle body = handles.get(method.key().runtimeKey());
            if (method.overridable() && body != null) {
                OverrideDispatch dispatch = OverrideDispatch.of(type, method.key().runtimeKey());
                if (!dispatch.dispatching()) {
                    dispatch.addedByReload(body);
                }
                bodies.put(method.key(), body);
            }
        }
        return bodies;
    }

    /**
     * Registers the implementations a class's rewrite adds with the dispatches of interface methods no call is
     * linked to yet: the batch adding the method to the interface, whose redefinition may start calling it before
     * the batch is committed.
     *
     * @param type the implementing class, never null
     * @param implemented the interface each of its methods implements, by key, never null
     * @param declaredNow the methods its new version declares, never null
     * @param handles the companion's handles by runtime key, never null
     */
    static void implementBeforeAnyCall(Class<?> type, Map<MemberKey, Class<?>> implemented,
                                       Set<MemberKey> declaredNow, Map<String, MethodHandle> handles) {
        for (Map.Entry<MemberKey, Class<?>> each : implemented.entrySet()) {
            MemberKey key = each.getKey();
            MethodHandle body = handles.get(key.runtimeKey());
            if (declaredNow.contains(key) && body != null) {
                OverrideDispatch.of(each.getValue(), key.runtimeKey()).overriddenByBeforeAnyCall(type, body);
            }
        }
    }

    /**
     * {@return the implementations of methods reloads added to interfaces that the class's new version drops, while
     * the interface's version running once the batch took no longer declares the method either}: only code from
     * before calls them, through the interface's dispatch, whose own body for an abstract method throws, so they
     * keep receiving those calls with their last bodies. Dropped alone, an implementation gives way to the
     * interface's default body, or to a superclass's implementation.
     *
     * @param type the implementing class, never null
     * @param rewrite its rewrite, whose companion carries the dropped methods; never null
     * @param addedByReloads the overridable methods reloads added to each interface, this batch's included; never
     *                       null
     * @param declaredByBatch the methods each class of the batch declares that its running class lacks, by class;
     *                        never null
     * @param declaredBefore what applied reloads moved, asked for the overridable methods a reload added that the
     *                       running version of a class outside the batch declares; never null
     */
    static Set<MemberKey> droppedWithInterface(Class<?> type, StructuralRewrite rewrite,
                                               Function<Class<?>, Set<MemberKey>> addedByReloads,
                                               Map<Class<?>, List<AddedMethod>> declaredByBatch,
                                               AppliedMoves declaredBefore) {
        if (rewrite.dropped().isEmpty()) {
            return Set.of();
        }
        List<AddedMethod> dropped = new ArrayList<>();
        for (AddedMethod method : rewrite.moved()) {
            if (rewrite.dropped().contains(method.key())) {
                dropped.add(method);
            }
        }
        Set<MemberKey> kept = new HashSet<>();
        for (Map.Entry<MemberKey, Class<?>> implemented
                : AddedOverrides.implementations(type, dropped, addedByReloads).entrySet()) {
            Class<?> implementedInterface = implemented.getValue();
            List<AddedMethod> inBatch = declaredByBatch.get(implementedInterface);
            Set<MemberKey> declaredAfter = inBatch != null ? AppliedMoves.keys(inBatch, List.of())
                    : declaredBefore.overridable(Type.getInternalName(implementedInterface));
            if (!declaredAfter.contains(implemented.getKey())) {
                kept.add(implemented.getKey());
            }
        }
        return kept;
    }

    /**
     * Checks that every loaded class implementing the interface has each abstract method the batch adds to it, and
     * registers with the new dispatches the implementations earlier reloads added to classes outside the batch.
     *
     * @param type the interface, never null
     * @param added the instance methods the batch adds to it that no reload added before, never null
     * @param abstractOnes those of them without a body, never null
     * @param addedByBatch the methods the batch adds to each class, by class, never null
     * @param loadedClasses every class the JVM has loaded, never null
     * @throws UnsupportedEditException naming the interface, the first abstract method and a class without it
     */
    static void checkImplementations(Class<?> type, List<AddedMethod> added, Set<MemberKey> abstractOnes,
                                     Map<Class<?>, Set<MemberKey>> addedByBatch, Class<?>[] loadedClasses)
            throws UnsupportedEditException {
        List<Class<?>> implementing = new ArrayList<>();
        for (Class<?> loaded : loadedClasses) {
            if (!loaded.isInterface() && !Modifier.isAbstract(loaded.getModifiers()) && loaded != type
                    && type.isAssignableFrom(loaded)) {
                implementing.add(loaded);
            }
        }
        for (AddedMethod method : added) {
            for (Class<?> each : implementing) {
                if (!implementedAbove(each, method, addedByBatch) && abstractOnes.contains(method.key())) {
                    throw new UnsupportedEditException(new Refusal(type.getName(), "method added: "
                            + method.describe(), each.getName() + " implements " + type.getSimpleName()
                            + " and has no " + method.describe() + ", so its objects made before the edit would have"
                            + " none", "add " + method.describe() + " to " + each.getName() + " in the same save,"
                            + " or give it a default body in " + type.getSimpleName() + ", or restart to apply"));
                }
            }
        }
        for (AddedMethod method : added) {
            for (Class<?> each : implementing) {
                registerEarlierImplementation(type, each, method, addedByBatch);
            }
        }
    }

    /** {@return true when the class or a superclass has the method: the batch adds it, or the class declares it} */
    private static boolean implementedAbove(Class<?> type, AddedMethod method,
                                            Map<Class<?>, Set<MemberKey>> addedByBatch) {
        for (Class<?> each = type; each != null; each = each.getSuperclass()) {
            if (addedByBatch.getOrDefault(each, Set.of()).contains(method.key()) || declares(each, method)
                    || ClassLinks.of(each).implementation(method.key().runtimeKey()) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Registers the method an earlier reload added to the class or its nearest superclass that has one, when
     * neither the batch adds it there nor the class declares it.
     */
    private static void registerEarlierImplementation(Class<?> type, Class<?> implementing, AddedMethod method,
                                                      Map<Class<?>, Set<MemberKey>> addedByBatch) {
        String key = method.key().runtimeKey();
        for (Class<?> each = implementing; each != null; each = each.getSuperclass()) {
            if (addedByBatch.getOrDefault(each, Set.of()).contains(method.key()) || declares(each, method)) {
                return;
            }
            MethodHandle earlier = ClassLinks.of(each).implementation(key);
            if (earlier != null) {
                OverrideDispatch.of(type, key).overriddenByBeforeAnyCall(each, earlier);
                return;
            }
        }
    }

    private static boolean declares(Class<?> type, AddedMethod method) {
        for (Method candidate : type.getDeclaredMethods()) {
            if (candidate.getName().equals(method.name()) && !Modifier.isAbstract(candidate.getModifiers())
                    && !Modifier.isStatic(candidate.getModifiers())
                    && Type.getMethodDescriptor(candidate).equals(method.descriptor())) {
                return true;
            }
        }
        return false;
    }
}
