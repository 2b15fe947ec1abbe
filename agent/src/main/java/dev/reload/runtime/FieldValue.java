package dev.reload.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The value of one added field: of one object's instance field, or of a static field. It has a variable of each
 * kind the JVM stores (JVMS 2.6.1: {@code int} holds {@code boolean}, {@code byte}, {@code char} and {@code short}
 * too), and a field uses the one of its type, so values are never boxed. Read and written like a field, through the
 * handles of {@link #getter} and {@link #setter}: plainly, or with volatile semantics for a {@code volatile} field.
 */
final class FieldValue {
    int i;
    long j;
    float f;
    double d;
    Object l;

    /**
     * {@return a handle {@code (FieldValue)T} reading the variable of the descriptor's kind, where {@code T} is
     * {@code int}, {@code long}, {@code float}, {@code double} or {@code Object}}
     *
     * @param descriptor the field's descriptor, never null
     * @param isVolatile true to read with volatile semantics (JLS 17.4)
     */
    static MethodHandle getter(String descriptor, boolean isVolatile) {
        VarHandle variable = variable(descriptor);
        return variable.toMethodHandle(isVolatile ? VarHandle.AccessMode.GET_VOLATILE : VarHandle.AccessMode.GET);
    }

    /** {@return a handle {@code (FieldValue, T)void} writing the variable of the descriptor's kind; see {@link #getter}} */
    static MethodHandle setter(String descriptor, boolean isVolatile) {
        VarHandle variable = variable(descriptor);
        return variable.toMethodHandle(isVolatile ? VarHandle.AccessMode.SET_VOLATILE : VarHandle.AccessMode.SET);
    }

    /** {@return the type of the variable a field of the descriptor's type uses} */
    static Class<?> kind(String descriptor) {
        return switch (descriptor.charAt(0)) {
            case 'Z', 'B', 'C', 'S', 'I' -> int.class;
            case 'J' -> long.class;
            case 'F' -> float.class;
            case 'D' -> double.class;
            default -> Object.class;
        };
    }

    /** Sets the variable of the descriptor's kind to a constant, boxed as a class file holds it (JVMS 4.7.2). */
    void setConstant(String descriptor, Object constant) {
        switch (descriptor.charAt(0)) {
            case 'Z', 'B', 'C', 'S', 'I' -> i = (Integer) constant;
            case 'J' -> j = (Long) constant;
            case 'F' -> f = (Float) constant;
            case 'D' -> d = (Double) constant;
            default -> l = constant;
        }
    }

    private static VarHandle variable(String descriptor) {
        Class<?> kind = kind(descriptor);
        String name = kind == int.class ? "i" : kind == long.class ? "j" : kind == float.class ? "f"
                : kind == double.class ? "d" : "l";
        try {
            return MethodHandles.lookup().findVarHandle(FieldValue.class, name, kind);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("FieldValue." + name + " must exist", e);
        }
    }
}
