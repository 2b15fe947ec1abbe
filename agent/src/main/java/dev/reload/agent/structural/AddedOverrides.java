package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.AddedMethod;
import dev.reload.patcher.rewrite.RuntimeNames;
import dev.reload.patcher.rewrite.UnsupportedEditException;
import dev.reload.patcher.shape.MemberKey;
import org.objectweb.asm.Type;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the declaration each instance method a reload adds to a class overrides: the nearest method of the same
 * name and descriptor that a superclass really declares, as the JVM runs it (a method an earlier reload moved into a
 * companion is declared nowhere). An added method lives in its class's companion and never enters the vtable, so
 * calls through the superclass reach it only once that declaration dispatches on the receiver's class
 * ({@link DispatchingClasses}); that takes a declaration with a body, in a watched class, which the agent can
 * redefine. What cannot be reached that way is refused.
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
     * @throws UnsupportedEditException naming the first added method that overrides what no dispatch can reach
     */
    static Map<MemberKey, Class<?>> declarers(Class<?> type, List<AddedMethod> added)
            throws UnsupportedEditException {
        Map<MemberKey, Class<?>> declarers = new LinkedHashMap<>();
        for (AddedMethod method : added) {
            if (!method.overridable()) {
                continue;
            }
            Method declaration = nearestDeclaration(type, method);
            if (declaration != null) {
                declarers.put(method.key(), reachable(type, method, declaration));
                continue;
            }
            Class<?> implemented = interfaceDeclaring(type, method);
            if (implemented != null) {
                throw refusal(type, method, "it implements " + implemented.getName() + "." + method.describe()
                        + " of an interface, and calls through an interface cannot reach a method added on a"
                        + " running JVM yet");
            }
        }
        return declarers;
    }

    /**
     * {@return the class declaring what each moved method overrides, by the method's key, among the methods a
     * companion holds (declared now, or carried on from before)}: calls to them stay virtual, so that the
     * dispatch chooses
     *
     * @param type the class, never null
     * @param moved the methods its companion holds, never null
     */
    static Map<MemberKey, Class<?>> reachedByDispatch(Class<?> type, List<AddedMethod> moved) {
        Map<MemberKey, Class<?>> declarers = new LinkedHashMap<>();
        for (AddedMethod method : moved) {
            Method declaration = method.overridable() ? nearestDeclaration(type, method) : null;
            if (declaration != null && !Modifier.isAbstract(declaration.getModifiers())
                    && watched(declaration.getDeclaringClass())) {
                declarers.put(method.key(), declaration.getDeclaringClass());
            }
        }
        return declarers;
    }

    private static Class<?> reachable(Class<?> type, AddedMethod method, Method declaration)
            throws UnsupportedEditException {
        Class<?> declarer = declaration.getDeclaringClass();
        String overridden = declarer.getName() + "." + method.describe();
        if (Modifier.isAbstract(declaration.getModifiers())) {
            throw refusal(type, method, "it implements the abstract " + overridden + ", which has no body to"
                    + " choose the added method from on a running JVM yet");
        }
        if (!watched(declarer)) {
            throw refusal(type, method, "it overrides " + overridden + ", declared in a class the agent does not"
                    + " watch (the JDK's or a library's), whose calls cannot be made to reach a method added on a"
                    + " running JVM");
        }
        return declarer;
    }

    /** {@return the nearest superclass method the added one overrides, or null} */
    private static Method nearestDeclaration(Class<?> type, AddedMethod method) {
        for (Class<?> superclass = type.getSuperclass(); superclass != null;
             superclass = superclass.getSuperclass()) {
            for (Method candidate : superclass.getDeclaredMethods()) {
                if (sameMethod(candidate, method) && overridableFrom(candidate, type)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** {@return an interface of the class or of its superclasses that declares the method, or null} */
    private static Class<?> interfaceDeclaring(Class<?> type, AddedMethod method) {
        Deque<Class<?>> pending = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> each = type; each != null; each = each.getSuperclass()) {
            pending.addAll(List.of(each.getInterfaces()));
        }
        while (!pending.isEmpty()) {
            Class<?> implemented = pending.pop();
            if (!seen.add(implemented)) {
                continue;
            }
            for (Method candidate : implemented.getDeclaredMethods()) {
                if (sameMethod(candidate, method)) {
                    return implemented;
                }
            }
            pending.addAll(List.of(implemented.getInterfaces()));
        }
        return null;
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

    /** {@return true when the class was prepared when it loaded: a watched class, which the agent may redefine} */
    static boolean watched(Class<?> type) {
        try {
            return type.getDeclaredMethod(RuntimeNames.ACCESSOR_NAME) != null;
        } catch (NoSuchMethodException | SecurityException e) {
            return false;
        }
    }

    private static UnsupportedEditException refusal(Class<?> type, AddedMethod method, String why) {
        return new UnsupportedEditException(type.getName(), "method added: " + method.describe(), why);
    }
}
