package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.AddedMethod;
import dev.reload.patcher.rewrite.MovedMembers;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.MemberKey;
import dev.reload.patcher.shape.MethodShape;
import dev.reload.runtime.ClassLinks;
import org.objectweb.asm.Opcodes;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Finds the overrides of methods a reload added: an added method lives in its class's companion and every call of
 * it is linked by the runtime, never through a vtable, so an override of it (added by a reload to a subclass, in the
 * same save or a later one) is reached through the dispatch of the overridden method ({@code ClassLinks.dispatchOwn}),
 * which the class's calls link to once a reload overrode it, or a class that declares the method itself loaded. Of
 * several classes of a hierarchy that reloads added the method to, the topmost declares it; the others override it,
 * and calls named through them reach the same dispatch.
 */
final class MovedOverrides {
    /**
     * Makes the set of a key new to a map, for {@code computeIfAbsent} in this package: a named class, where a lambda
     * would spin a class at the first structural edit that every later redefinition walks.
     */
    static final Function<Object, Set<MemberKey>> NEW_SET = new Function<>() {
        @Override
        public Set<MemberKey> apply(Object key) {
            return new HashSet<>();
        }
    };

    private MovedOverrides() {
    }

    /**
     * {@return the topmost superclass whose reload added the method each added method overrides, by the added
     * method's key; empty when none overrides one}: only for the methods that override no method a superclass
     * declares as it runs ({@link AddedOverrides} reaches those) or a reload added to an interface of the class
     * (the interface's dispatch reaches those)
     *
     * @param type the class whose version adds the methods, never null
     * @param moved the methods its companion holds, declared now or carried on from before, never null
     * @param addedByReloads the overridable methods reloads added to each class, the batch's included, never null
     */
    static Map<MemberKey, Class<?>> declarers(Class<?> type, List<AddedMethod> moved,
                                              Function<Class<?>, Set<MemberKey>> addedByReloads) {
        Map<MemberKey, Class<?>> declarers = new LinkedHashMap<>();
        for (AddedMethod method : moved) {
            Method declaration = method.overridable() ? AddedOverrides.nearestDeclaration(type, method) : null;
            // An abstract declaration above leaves the overriding to the methods reloads added below it.
            if (!method.overridable() || type.isInterface()
                    || (declaration != null && !Modifier.isAbstract(declaration.getModifiers()))
                    || addedToAnInterface(type, method.key(), addedByReloads)) {
                continue;
            }
            Class<?> topmost = null;
            for (Class<?> superclass = type.getSuperclass(); superclass != null;
                 superclass = superclass.getSuperclass()) {
                if (addedByReloads.apply(superclass).contains(method.key())) {
                    topmost = superclass;
                }
            }
            if (topmost != null) {
                declarers.put(method.key(), topmost);
            }
        }
        return declarers;
    }

    /** {@return true when a reload added the method to an interface of the class: its dispatch reaches it} */
    private static boolean addedToAnInterface(Class<?> type, MemberKey key,
                                              Function<Class<?>, Set<MemberKey>> addedByReloads) {
        for (Class<?> superinterface : AddedOverrides.superinterfaces(type)) {
            if (addedByReloads.apply(superinterface).contains(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@return the loaded subclasses outside the batch whose earlier reload added, as their own, a method that the
     * class's edit adds now, with those methods, by subclass}: from now on they override it, and calls through the
     * class reach them by its dispatch; a subclass's method that dispatches already, because a reload to a subclass of
     * its own overrode it, moves into that dispatch with its overrides ({@code ClassLinks.reachThrough})
     *
     * @param type the class whose edit adds the methods, never null
     * @param fresh the overridable methods the edit adds that no reload added to it before and that override no
     *              method of a superclass, never null
     * @param addedEarlier the overridable methods reloads added to each class, by internal name, never null
     * @param batch the classes of the batch, which find what they override themselves; never null
     * @param loadedClasses gives every class the JVM has loaded, asked only when some other class has such a
     *                      method; never null
     */
    static Map<Class<?>, Set<MemberKey>> overriddenEarlier(Class<?> type, Set<MemberKey> fresh,
                                                          Map<String, Set<MemberKey>> addedEarlier,
                                                          Set<Class<?>> batch, Supplier<Class<?>[]> loadedClasses) {
        Set<MemberKey> elsewhere = new HashSet<>();
        for (Set<MemberKey> keys : addedEarlier.values()) {
            for (MemberKey key : keys) {
                if (fresh.contains(key)) {
                    elsewhere.add(key);
                }
            }
        }
        Map<Class<?>, Set<MemberKey>> overriding = new LinkedHashMap<>();
        if (type.isInterface() || elsewhere.isEmpty()) {
            return overriding;
        }
        for (Class<?> loaded : loadedClasses.get()) {
            if (loaded == type || loaded.isInterface() || batch.contains(loaded) || !type.isAssignableFrom(loaded)) {
                continue;
            }
            for (MemberKey key : addedEarlier.getOrDefault(loaded.getName().replace('.', '/'), Set.of())) {
                if (!elsewhere.contains(key)) {
                    continue;
                }
                overriding.computeIfAbsent(loaded, NEW_SET).add(key);
            }
        }
        return overriding;
    }

    /**
     * {@return the methods, among those a reload adds to the class, that a loaded watched subclass declares itself}:
     * compiled against the new class, or declaring the method before any version of the class had it; either way it
     * overrides it, and calls through the class reach it once the added method dispatches
     *
     * @param type the class the reload adds the methods to, never null
     * @param added the overridable methods it adds, never null
     * @param running the watched classes as they run, never null
     * @param loadedClasses every class the JVM has loaded, never null
     */
    static Set<MemberKey> declaredBySubclasses(Class<?> type, Set<MemberKey> added, RunningClasses running,
                                               Class<?>[] loadedClasses) {
        Set<MemberKey> declared = new HashSet<>();
        for (Class<?> loaded : loadedClasses) {
            if (loaded == type || loaded.isInterface() || !type.isAssignableFrom(loaded)) {
                continue;
            }
            ClassShape shape = running.running(loaded.getClassLoader(), loaded.getName().replace('.', '/'));
            if (shape == null) {
                continue;
            }
            for (MemberKey key : added) {
                Optional<MethodShape> method = shape.method(key.name(), key.descriptor());
                if (method.isPresent() && (method.get().access() & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) == 0) {
                    declared.add(key);
                }
            }
        }
        return declared;
    }

    /**
     * Makes each method a reload added to a superclass that the loading class declares itself (compiled against the
     * new superclass) dispatch, so that calls through the superclass reach the loading class's version; the
     * dispatch finds that version when it first meets an object of the class.
     *
     * @param loader the loading class's loader, never null
     * @param loading the loading class's shape, or null when its file cannot be read
     * @param moves the moved methods the loading class sees, followed up from its superclass, never null
     * @param addedEarlier the overridable methods reloads added to each class, by internal name, never null
     */
    static void dispatchWhatItOverrides(ClassLoader loader, ClassShape loading, MovedMembers moves,
                                        Map<String, Set<MemberKey>> addedEarlier) {
        if (loading == null || loading.superName() == null || (loading.access() & Opcodes.ACC_INTERFACE) != 0) {
            return;
        }
        for (MethodShape method : loading.methods()) {
            if ((method.access() & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) != 0 || method.name().startsWith("<")) {
                continue;
            }
            MemberKey key = new MemberKey(method.name(), method.descriptor());
            Class<?> declaring = overriddenDeclarer(loader, loading.superName(), key, moves, addedEarlier);
            if (declaring != null) {
                ClassLinks.of(declaring).dispatchOwn(key.runtimeKey());
            }
        }
    }

    /**
     * {@return the nearest superclass, from {@code superName} up, whose running version declares the method as one
     * a reload added, or null}: a class whose reload added it and a later one dropped it only keeps its last body for
     * code from before, so the search goes on above it
     */
    private static Class<?> overriddenDeclarer(ClassLoader loader, String superName, MemberKey key, MovedMembers moves,
                                               Map<String, Set<MemberKey>> addedEarlier) {
        String declarer = moves.movedMethodDeclarer(superName, key.name(), key.descriptor());
        while (declarer != null) {
            Class<?> declaring = loadedOrNull(declarer, loader);
            if (declaring == null || declaring.isInterface()) {
                return null;
            }
            if (addedEarlier.getOrDefault(declarer, Set.of()).contains(key)) {
                return declaring;
            }
            Class<?> above = declaring.getSuperclass();
            declarer = above == null ? null
                    : moves.movedMethodDeclarer(above.getName().replace('.', '/'), key.name(), key.descriptor());
        }
        return null;
    }

    /** {@return the class of that internal name that the loader sees, which a reload changed, so is loaded; or null} */
    private static Class<?> loadedOrNull(String internalName, ClassLoader loader) {
        // Loads no class: a reload changed this one, so it is loaded, and the loading class, its subclass, is about to
        // resolve it through the same loader anyway; without initializing it, as that resolution would not.
        try {
            return Class.forName(internalName.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null; // the loading class then fails to link on its own, as it would without the agent
        }
    }
}
