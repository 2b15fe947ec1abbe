package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.AddedMethod;
import dev.reload.patcher.rewrite.MovedMembers;
import dev.reload.patcher.rewrite.RuntimeNames;
import dev.reload.patcher.rewrite.UnsupportedEditException;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.MemberKey;
import org.objectweb.asm.Type;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the declaration each instance method a reload adds to a class overrides: the nearest method of the same
 * name and descriptor that a superclass really declares, as the JVM runs it (a method an earlier reload moved into a
 * companion is declared nowhere). An added method lives in its class's companion and never enters the vtable, so
 * calls through the superclass reach it only once that declaration dispatches on the receiver's class
 * ({@link DispatchingClasses}); that takes a declaration with a body, in a watched class, which the agent can
 * redefine. What cannot be reached that way is refused. An added method implementing an abstract one needs no
 * dispatch: every running subclass declares its own.
 */
final class AddedOverrides {
    private AddedOverrides() {
    }

    /**
     * {@return the class declaring what each added method overrides, by the added method's key; empty when none
     * overrides}
     *
     * @param type the class the methods are added to, never null
     * @param added the methods its new version declares and the running class lacks, never null
     * @param widened says which package-access methods a reload made protected or public ({@link
     *                MovedMembers#isWidened}): a subclass in another package overrides them too; never null
     * @param running the watched classes as they run, which tell a watched class without the accessor; never null
     * @throws UnsupportedEditException naming the first added method that overrides what no dispatch can reach
     */
    static Map<MemberKey, Class<?>> declarers(Class<?> type, List<AddedMethod> added, MovedMembers widened,
                                              RunningClasses running) throws UnsupportedEditException {
        Map<MemberKey, Class<?>> declarers = new LinkedHashMap<>();
        for (AddedMethod method : added) {
            if (!method.overridable()) {
                continue;
            }
            Method declaration = nearestDeclaration(type, method, widened);
            if (declaration != null && !Modifier.isAbstract(declaration.getModifiers())) {
                declarers.put(method.key(), reachable(type, method, declaration, running));
            }
        }
        return declarers;
    }

    /**
     * {@return the added methods that implement an abstract method the class inherits, the nearest declaration
     * above being abstract (only an abstract class lacks one)}: no declaration with a body can dispatch to them, and
     * none needs to, since the running subclasses each declare their own; {@link AbstractImplementations} gives one
     * to the subclasses that load later without their own
     *
     * @param type the class the methods are added to, never null
     * @param added the methods its new version declares and the running class lacks, never null
     * @param widened says which package-access methods a reload made protected or public, never null
     */
    static List<AddedMethod> abstractImplementations(Class<?> type, List<AddedMethod> added, MovedMembers widened) {
        List<AddedMethod> implementing = new ArrayList<>();
        for (AddedMethod method : added) {
            Method declaration = method.overridable() ? nearestDeclaration(type, method, widened) : null;
            if (declaration != null && Modifier.isAbstract(declaration.getModifiers())) {
                implementing.add(method);
            }
        }
        return implementing;
    }

    /**
     * {@return the interface each added method implements, by the method's key, among the methods a reload added to
     * the interfaces of the class and of its superclasses, for the methods no superclass declares}: calls through
     * the interface reach them through the dispatch of the interface's added method
     *
     * @param type the class, never null
     * @param methods the methods its companion holds, or its new version adds; never null
     * @param addedToInterfaces the methods reloads added to an interface (by that batch or before), never null
     */
    static Map<MemberKey, Class<?>> implementations(Class<?> type, List<AddedMethod> methods,
                                                    Function<Class<?>, Set<MemberKey>> addedToInterfaces) {
        Map<MemberKey, Class<?>> implemented = new LinkedHashMap<>();
        for (AddedMethod method : methods) {
            if (!method.overridable() || nearestDeclaration(type, method) != null) {
                continue;
            }
            for (Class<?> implementedInterface : superinterfaces(type)) {
                if (addedToInterfaces.apply(implementedInterface).contains(method.key())) {
                    implemented.put(method.key(), implementedInterface);
                    break;
                }
            }
        }
        return implemented;
    }

    /**
     * {@return the class declaring what each moved method overrides, by the method's key, among the methods a
     * companion holds (declared now, or carried on from before)}: calls to them stay virtual, so that the
     * dispatch chooses
     *
     * @param type the class, never null
     * @param moved the methods its companion holds, never null
     * @param widened says which package-access methods a reload made protected or public, never null
     * @param running the watched classes as they run, which tell a watched class without the accessor; never null
     */
    static Map<MemberKey, Class<?>> reachedByDispatch(Class<?> type, List<AddedMethod> moved,
                                                      MovedMembers widened, RunningClasses running) {
        Map<MemberKey, Class<?>> declarers = new LinkedHashMap<>();
        for (AddedMethod method : moved) {
            Method declaration = method.overridable() ? nearestDeclaration(type, method, widened) : null;
            if (declaration != null && !Modifier.isAbstract(declaration.getModifiers())
                    && watched(declaration.getDeclaringClass(), running)) {
                declarers.put(method.key(), declaration.getDeclaringClass());
            }
        }
        return declarers;
    }

    private static Class<?> reachable(Class<?> type, AddedMethod method, Method declaration,
                                      RunningClasses running) throws UnsupportedEditException {
        Class<?> declarer = declaration.getDeclaringClass();
        String overridden = declarer.getName() + "." + method.describe();
        if (!watched(declarer, running)) {
            throw refusal(type, method, "it overrides " + overridden + ", declared in a class the agent does not"
                    + " watch (the JDK's or a library's), whose calls cannot be made to reach a method added on a"
                    + " running JVM");
        }
        return declarer;
    }

    /**
     * {@return the declaration the added method overrides, as the JVM selects it (JVMS 5.4.6), or null}: the nearest
     * superclass method, else the most specific method of the superinterfaces (a default method, which calls through
     * the interface reach while no class of the hierarchy declares the method)
     */
    static Method nearestDeclaration(Class<?> type, AddedMethod method) {
        return nearestDeclaration(type, method, MovedMembers.none());
    }

    /**
     * {@return the declaration the added method overrides, as {@link #nearestDeclaration(Class, AddedMethod)}, a
     * package-access method that a reload made protected or public counting as overridden from other packages too,
     * as the new version compiles it: its declaration dispatches to such overrides}
     */
    private static Method nearestDeclaration(Class<?> type, AddedMethod method, MovedMembers widened) {
        for (Class<?> superclass = type.getSuperclass(); superclass != null;
             superclass = superclass.getSuperclass()) {
            for (Method candidate : superclass.getDeclaredMethods()) {
                if (sameMethod(candidate, method) && (overridableFrom(candidate, type) || widened.isWidened(
                        superclass.getName().replace('.', '/'), method.name(), method.descriptor()))) {
                    return candidate;
                }
            }
        }
        return mostSpecificOfInterfaces(type, method);
    }

    /**
     * {@return the method of the superinterfaces of the class and of its superclasses that no other declaring one
     * overrides, or null when none declares it}; of several unrelated ones, the first (a class the compiler accepted
     * declares the method itself then, so that case is only met by stale class files)
     */
    private static Method mostSpecificOfInterfaces(Class<?> type, AddedMethod method) {
        List<Method> declared = new ArrayList<>();
        for (Class<?> implemented : superinterfaces(type)) {
            for (Method candidate : implemented.getDeclaredMethods()) {
                if (sameMethod(candidate, method) && !Modifier.isPrivate(candidate.getModifiers())) {
                    declared.add(candidate);
                }
            }
        }
        for (Method candidate : declared) {
            if (declared.stream().noneMatch(other -> !other.equals(candidate) && candidate.getDeclaringClass()
                    .isAssignableFrom(other.getDeclaringClass()))) {
                return candidate;
            }
        }
        return null;
    }

    /** {@return every interface the class and its superclasses implement, directly or through others, once each} */
    static Set<Class<?>> superinterfaces(Class<?> type) {
        Deque<Class<?>> pending = new ArrayDeque<>();
        Set<Class<?>> seen = new LinkedHashSet<>();
        for (Class<?> each = type; each != null; each = each.getSuperclass()) {
            pending.addAll(List.of(each.getInterfaces()));
        }
        while (!pending.isEmpty()) {
            Class<?> implemented = pending.pop();
            if (seen.add(implemented)) {
                pending.addAll(List.of(implemented.getInterfaces()));
            }
        }
        return seen;
    }

    private static boolean sameMethod(Method candidate, AddedMethod method) {
        return !Modifier.isStatic(candidate.getModifiers()) && candidate.getName().equals(method.name())
                && Type.getMethodDescriptor(candidate).equals(method.descriptor());
    }

    /** {@return true when a method of {@code type} overrides the candidate: not private, and package access only within its package} */
    private static boolean overridableFrom(Method candidate, Class<?> type) {
        int modifiers = candidate.getModifiers();
        if (Modifier.isPrivate(modifiers)) {
            return false;
        }
        if (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)) {
            return true;
        }
        Class<?> declarer = candidate.getDeclaringClass();
        return declarer.getClassLoader() == type.getClassLoader()
                && Objects.equals(declarer.getPackageName(), type.getPackageName());
    }

    /**
     * {@return true when the class was prepared when it loaded: a watched class, which the agent may redefine} One of
     * the agent's own module loads without the accessor, and is watched when the agent tracks it.
     */
    static boolean watched(Class<?> type, RunningClasses running) {
        try {
            if (type.getDeclaredMethod(RuntimeNames.ACCESSOR_NAME) != null) {
                return true;
            }
        } catch (NoSuchMethodException | SecurityException e) {
            // no accessor: watched only when it needs none
        }
        if (!LoadTimePreparation.needsNoAccessor(type) || type.isHidden()) {
            return false;
        }
        ClassShape shape = running.running(type.getClassLoader(), type.getName().replace('.', '/'));
        return shape != null && LoadTimePreparation.preparedWithoutAccessor(type, shape);
    }

    private static UnsupportedEditException refusal(Class<?> type, AddedMethod method, String why) {
        return new UnsupportedEditException(type.getName(), "method added: " + method.describe(), why);
    }
}
