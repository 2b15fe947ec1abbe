package dev.reload.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * Finds the implementation a class declares of a method a reload added to an interface it implements: a class
 * compiled against the new interface, loaded after the edit, or one that had the method before the interface
 * did. The handle calls it virtually, as {@code invokeinterface} would, so a subclass's own version runs.
 */
final class Implementations {
    private Implementations() {
    }

    /**
     * {@return a virtual handle of the instance method the class itself declares with a body, or null}
     *
     * @param type the class, never null
     * @param name the method's name, never null
     * @param dispatchType the dispatch's type: the interface, then the method's parameters
     */
    static MethodHandle declared(Class<?> type, String name, MethodType dispatchType) {
        Class<?>[] parameters = dispatchType.dropParameterTypes(0, 1).parameterArray();
        for (Method method : type.getDeclaredMethods()) {
            int modifiers = method.getModifiers();
            if (method.getName().equals(name) && method.getReturnType() == dispatchType.returnType()
                    && Arrays.equals(method.getParameterTypes(), parameters)
                    && !Modifier.isStatic(modifiers) && !Modifier.isAbstract(modifiers)
                    && !Modifier.isPrivate(modifiers)) {
                return unreflect(type, method);
            }
        }
        return null;
    }

    private static MethodHandle unreflect(Class<?> type, Method method) {
        try {
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method);
        } catch (IllegalAccessException | InaccessibleObjectException | SecurityException e) {
            // A class in a module that does not open its package: its own lookup reaches the method.
            MethodHandles.Lookup own = ClassLinks.of(type).lookup();
            try {
                return own == null ? null : own.unreflect(method);
            } catch (IllegalAccessException denied) {
                return null;
            }
        }
    }
}
