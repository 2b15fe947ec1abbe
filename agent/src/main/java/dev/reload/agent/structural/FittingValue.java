package dev.reload.agent.structural;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * A value of one type as a value of another, when it is the same value there: {@code 40L} as an {@code int},
 * {@code 2.0} as a {@code long}, an {@code ArrayList} as a {@code List}. What a field retyped back to the type it loaded
 * with takes from the versions in between, one value at a time, where the types themselves do not always convert
 * without loss.
 */
public final class FittingValue {
    /** What {@link #of} gives for a value that does not fit. */
    static final Object NONE = new Object();
    /** {@code (Class, Object)Object}: {@link #orDefault}. */
    static final MethodHandle OR_DEFAULT;
    private static final String PRIMITIVES = "ZBCSIJFD";

    static {
        try {
            OR_DEFAULT = MethodHandles.lookup().findStatic(FittingValue.class, "orDefault",
                    MethodType.methodType(Object.class, Class.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private FittingValue() {
    }

    /**
     * {@return true when both descriptors are primitive types, or both reference types: a value of the one may be a
     * value of the other, which the types alone do not promise ({@code int} → {@code float}, {@code List} →
     * {@code ArrayList})}
     */
    public static boolean eachMayFit(String from, String to) {
        return (isPrimitive(from) && isPrimitive(to)) || (isReference(from) && isReference(to));
    }

    /** {@return true when the descriptor is a class or an array type: a value of it may be an instance of another} */
    public static boolean isReference(String descriptor) {
        return descriptor.charAt(0) == 'L' || descriptor.charAt(0) == '[';
    }

    private static boolean isPrimitive(String descriptor) {
        return descriptor.length() == 1 && PRIMITIVES.indexOf(descriptor.charAt(0)) >= 0;
    }

    /** {@return the value as a value of {@code type}, boxed, or that type's default (0, null) when it does not fit} */
    static Object orDefault(Class<?> type, Object value) throws Throwable {
        Object fitted = of(value, type);
        return fitted != NONE ? fitted : MethodHandles.zero(type).invoke();
    }

    /**
     * {@return the value as a value of {@code type}, boxed; {@link #NONE} when it is not the same value there}
     *
     * @param value a boxed primitive, or a reference, or null
     * @param type the field's type, never null
     */
    static Object of(Object value, Class<?> type) {
        if (!type.isPrimitive()) {
            return value == null || type.isInstance(value) ? value : NONE;
        }
        if (value instanceof Boolean flag) {
            return type == boolean.class ? flag : NONE;
        }
        if (value instanceof Character character) {
            return type == char.class ? character : ofWhole(character, type);
        }
        if (value instanceof Float || value instanceof Double) {
            return ofReal(((Number) value).doubleValue(), type);
        }
        return value instanceof Number number ? ofWhole(number.longValue(), type) : NONE;
    }

    private static Object ofWhole(long whole, Class<?> type) {
        if (type == long.class) {
            return whole;
        }
        if (type == int.class) {
            return whole == (int) whole ? (Object) (int) whole : NONE;
        }
        if (type == short.class) {
            return whole == (short) whole ? (Object) (short) whole : NONE;
        }
        if (type == byte.class) {
            return whole == (byte) whole ? (Object) (byte) whole : NONE;
        }
        if (type == char.class) {
            return whole == (char) whole ? (Object) (char) whole : NONE;
        }
        if (type == boolean.class) {
            return whole == 0 || whole == 1 ? (Object) (whole == 1) : NONE;
        }
        if (type == double.class) {
            return (long) (double) whole == whole ? (Object) (double) whole : NONE;
        }
        return (long) (float) whole == whole ? (Object) (float) whole : NONE;
    }

    private static Object ofReal(double real, Class<?> type) {
        if (type == double.class) {
            return real;
        }
        if (type == float.class) {
            return Double.isNaN(real) || (double) (float) real == real ? (Object) (float) real : NONE;
        }
        if (Double.isNaN(real) || Double.isInfinite(real) || real != Math.rint(real)
                || real < Long.MIN_VALUE || real >= 0x1p63) {
            return NONE;
        }
        return ofWhole((long) real, type);
    }
}
