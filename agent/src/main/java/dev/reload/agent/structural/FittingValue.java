package dev.reload.agent.structural;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Set;

/**
 * A value of one type as a value of another, when it is the same value there: {@code 40L} as an {@code int},
 * {@code 2.0} as a {@code long}, an {@code ArrayList} as a {@code List}, an {@code Integer} 5 as an {@code int} or a
 * {@code Long}. What a field retyped back to the type it loaded
 * with takes from the versions in between, one value at a time, where the types themselves do not always convert
 * without loss.
 */
public final class FittingValue {
    /** What {@link #of} gives for a value that does not fit. */
    static final Object NONE = new Object();
    /** {@code (Class, Object)Object}: {@link #orDefault}. */
    static final MethodHandle OR_DEFAULT;
    private static final String PRIMITIVES = "ZBCSIJFD";
    /** The boxes' descriptors. */
    private static final Set<String> BOXES = Set.of("Ljava/lang/Boolean;", "Ljava/lang/Byte;",
            "Ljava/lang/Character;", "Ljava/lang/Short;", "Ljava/lang/Integer;", "Ljava/lang/Long;",
            "Ljava/lang/Float;", "Ljava/lang/Double;");

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
     * The reference types a boxed primitive is an instance of, but for the boxes themselves: a field of one of them may
     * hold the value of a primitive field, and the other way around.
     */
    private static final List<String> HOLDING_BOXES = List.of("Ljava/lang/Object;", "Ljava/lang/Number;",
            "Ljava/lang/Comparable;", "Ljava/io/Serializable;");

    /**
     * {@return true when a value of the one type may be a value of the other, which the types alone do not promise}:
     * both primitive ({@code int} → {@code float}), both references ({@code List} → {@code ArrayList}), or a
     * primitive and a reference that may hold its box ({@code Integer} → {@code int}, {@code int} → {@code Long}).
     */
    public static boolean eachMayFit(String from, String to) {
        if (isPrimitive(from) == isPrimitive(to)) {
            return isPrimitive(from) || (isReference(from) && isReference(to));
        }
        String reference = isPrimitive(from) ? to : from;
        return BOXES.contains(reference) || HOLDING_BOXES.contains(reference);
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
            if (value == null || type.isInstance(value)) {
                return value;
            }
            // 5 held as an int, as a Long: the same value in the primitive type the box holds.
            Class<?> unboxed = MethodType.methodType(type).unwrap().returnType();
            return unboxed != type && isBox(value) ? of(value, unboxed) : NONE;
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

    private static boolean isBox(Object value) {
        return value instanceof Number || value instanceof Character || value instanceof Boolean;
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
