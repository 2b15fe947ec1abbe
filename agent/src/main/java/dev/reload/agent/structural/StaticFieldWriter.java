package dev.reload.agent.structural;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;

/**
 * Writes a static field of a loaded class, {@code final} ones included: {@code putstatic} to a final field outside
 * the class's {@code <clinit>} fails to link for class files of version 53 and later, and reflection refuses to set
 * a static final field even when made accessible. {@code jdk.internal.misc.Unsafe} writes it; its package is
 * exported to the agent's module once, through {@link Instrumentation#redefineModule}, which (unlike
 * {@code sun.misc.Unsafe}'s memory methods on JDK 24 and later) prints no warning. Compiled code that folded the
 * old value of a final field keeps it until it is deoptimized (the reload retransforms the classes that read it).
 */
final class StaticFieldWriter {
    private static final String UNSAFE = "jdk.internal.misc.Unsafe";

    private final Object unsafe;
    private final MethodHandle fieldBase;
    private final MethodHandle fieldOffset;
    private final MethodHandles.Lookup lookup = MethodHandles.lookup();
    private final Class<?> unsafeClass;

    private StaticFieldWriter(Class<?> unsafeClass, Object unsafe) throws ReflectiveOperationException {
        this.unsafeClass = unsafeClass;
        this.unsafe = unsafe;
        this.fieldBase = lookup.findVirtual(unsafeClass, "staticFieldBase",
                MethodType.methodType(Object.class, Field.class));
        this.fieldOffset = lookup.findVirtual(unsafeClass, "staticFieldOffset",
                MethodType.methodType(long.class, Field.class));
    }

    /**
     * {@return a writer, once {@code jdk.internal.misc} is exported to the agent's module}
     *
     * @param instrumentation the JVM's instrumentation, never null
     * @throws ReflectiveOperationException when this JVM's {@code Unsafe} lacks what the writer needs
     * @throws RuntimeException when the JVM does not let the package be exported
     */
    static StaticFieldWriter open(Instrumentation instrumentation) throws ReflectiveOperationException {
        Module javaBase = Object.class.getModule();
        Module agent = StaticFieldWriter.class.getModule();
        String unsafePackage = UNSAFE.substring(0, UNSAFE.lastIndexOf('.'));
        if (!javaBase.isExported(unsafePackage, agent)) {
            instrumentation.redefineModule(javaBase, Set.of(), Map.of(unsafePackage, Set.of(agent)), Map.of(),
                    Set.of(), Map.of());
        }
        Class<?> unsafeClass = Class.forName(UNSAFE);
        try {
            Object unsafe = MethodHandles.lookup().findStatic(unsafeClass, "getUnsafe",
                    MethodType.methodType(unsafeClass)).invoke();
            return new StaticFieldWriter(unsafeClass, unsafe);
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Unsafe.getUnsafe() threw " + e, e);
        }
    }

    /**
     * Sets a static field to a value with volatile semantics.
     *
     * @param field a static field of an initialized class, never null
     * @param value the value, boxed for a primitive field; may be null for a reference field
     */
    void write(Field field, Object value) throws Throwable {
        Class<?> type = field.getType();
        String kind = type.isPrimitive() ? Character.toUpperCase(type.getName().charAt(0))
                + type.getName().substring(1) : "Reference";
        Class<?> valueType = type.isPrimitive() ? type : Object.class;
        MethodHandle put = lookup.findVirtual(unsafeClass, "put" + kind + "Volatile",
                MethodType.methodType(void.class, Object.class, long.class, valueType));
        Object base = fieldBase.invoke(unsafe, field);
        long offset = (long) fieldOffset.invoke(unsafe, field);
        put.invoke(unsafe, base, offset, value);
    }

    /**
     * Sets an instance field of an object to null with volatile semantics, a field reflection may not reach.
     *
     * @param holder the object, never null
     * @param declaring the class declaring the field, never null
     * @param name the name of a reference field of {@code declaring}, never null
     */
    void clear(Object holder, Class<?> declaring, String name) throws Throwable {
        long offset = (long) lookup.findVirtual(unsafeClass, "objectFieldOffset",
                MethodType.methodType(long.class, Class.class, String.class)).invoke(unsafe, declaring, name);
        lookup.findVirtual(unsafeClass, "putReferenceVolatile",
                MethodType.methodType(void.class, Object.class, long.class, Object.class))
                .invoke(unsafe, holder, offset, null);
    }
}
