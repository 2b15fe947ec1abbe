package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.AddedMethod;
import dev.reload.patcher.rewrite.UnsupportedEditException;
import org.objectweb.asm.Type;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Refuses an added instance method that overrides an inherited one: moved into a companion, it would never be
 * chosen by a call through the supertype, so the edit would silently not take.
 */
final class InheritedMethods {
    private InheritedMethods() {
    }

    static void refuseOverrides(Class<?> type, List<AddedMethod> moved) throws UnsupportedEditException {
        for (AddedMethod method : moved) {
            if (method.instance() && overridesInherited(type, method)) {
                throw new UnsupportedEditException(type.getName(), "method added: " + method.describe(),
                        "it overrides an inherited method, and calls through the supertype cannot reach an added"
                                + " method on a running JVM");
            }
        }
    }

    private static boolean overridesInherited(Class<?> type, AddedMethod method) {
        Deque<Class<?>> supertypes = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        addSupertypes(type, supertypes);
        while (!supertypes.isEmpty()) {
            Class<?> supertype = supertypes.pop();
            if (!seen.add(supertype)) {
                continue;
            }
            for (Method candidate : supertype.getDeclaredMethods()) {
                int modifiers = candidate.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isPrivate(modifiers)
                        && candidate.getName().equals(method.name())
                        && Type.getMethodDescriptor(candidate).equals(method.descriptor())) {
                    return true;
                }
            }
            addSupertypes(supertype, supertypes);
        }
        return false;
    }

    private static void addSupertypes(Class<?> type, Deque<Class<?>> supertypes) {
        if (type.getSuperclass() != null) {
            supertypes.push(type.getSuperclass());
        }
        for (Class<?> implemented : type.getInterfaces()) {
            supertypes.push(implemented);
        }
    }
}
