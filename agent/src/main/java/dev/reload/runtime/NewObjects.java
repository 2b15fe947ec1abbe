package dev.reload.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;

/**
 * Makes objects for the constructors a reload added, which live as factories in a companion: the object is made
 * by the constructor the added one delegates to with {@code this(...)}, or, when it calls {@code super(...)}, by
 * allocating the class and running only the superclass constructor, as deserialization does
 * ({@code sun.reflect.ReflectionFactory} of the {@code jdk.unsupported} module); the factory then runs the field
 * initializers and the rest of the constructor on it. Nothing is added to any class for this, so classes that never
 * gain a constructor pay nothing.
 */
final class NewObjects {
    private static final MethodHandle NEW_INSTANCE = newInstance();
    /**
     * {@code ReflectionFactory.getReflectionFactory().newConstructorForSerialization(Class, Constructor)}, found by
     * name: the module {@code jdk.unsupported} is in every JDK but may be left out of a custom runtime image.
     */
    private static final MethodHandle SERIALIZATION_CONSTRUCTOR = serializationConstructor();

    private NewObjects() {
    }

    /**
     * {@return a handle making an object of {@code type}'s return type: it drops the placeholder {@code type} takes
     * first, and calls {@code declarer}'s constructor with the rest}
     *
     * @param caller the lookup of the factory (a hidden nestmate of the class), never null
     * @param type the placeholder, the constructor's parameters, the class made; never null
     * @param declarer the class itself or its superclass, never null
     */
    static MethodHandle allocation(MethodHandles.Lookup caller, MethodType type, Class<?> declarer)
            throws Throwable {
        Class<?> made = type.returnType();
        MethodType parameters = type.dropParameterTypes(0, 1);
        MethodHandle construct;
        if (declarer == made) {
            construct = caller.findConstructor(made, parameters.changeReturnType(void.class));
        } else {
            Constructor<?> superConstructor = declarer.getDeclaredConstructor(parameters.parameterArray());
            if (SERIALIZATION_CONSTRUCTOR == null) {
                throw new UnsupportedOperationException("an added constructor of " + made.getName()
                        + " calls super(...), and this Java runtime lacks the module jdk.unsupported that makes it");
            }
            Constructor<?> allocating = (Constructor<?>) SERIALIZATION_CONSTRUCTOR.invokeExact(made, superConstructor);
            construct = NEW_INSTANCE.bindTo(allocating)
                    .asCollector(Object[].class, parameters.parameterCount());
        }
        return MethodHandles.dropArguments(construct.asType(parameters), 0, Object.class);
    }

    /**
     * {@return a handle writing a {@code final} instance field of {@code owner}: the receiver, then the value}
     *
     * @param name the field's name, never null
     * @param type the receiver and the value, returning void; never null
     * @param owner the class declaring the field, never null
     */
    static MethodHandle finalFieldSetter(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner)
            throws ReflectiveOperationException {
        Field field = owner.getDeclaredField(name);
        // Write access to a final instance field is granted to an accessible Field alone (Lookup.unreflectSetter).
        field.setAccessible(true);
        return caller.unreflectSetter(field).asType(type);
    }

    /** Calls the constructor and rethrows what the constructor threw, as a constructor call would. */
    @SuppressWarnings("UnusedMethod") // called through NEW_INSTANCE, found by name
    private static Object construct(Constructor<?> constructor, Object[] arguments) throws Throwable {
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static MethodHandle serializationConstructor() {
        try {
            Class<?> factory = Class.forName("sun.reflect.ReflectionFactory");
            Object instance = factory.getMethod("getReflectionFactory").invoke(null);
            MethodHandle method = MethodHandles.publicLookup().findVirtual(factory, "newConstructorForSerialization",
                    MethodType.methodType(Constructor.class, Class.class, Constructor.class));
            return method.bindTo(instance).asType(
                    MethodType.methodType(Constructor.class, Class.class, Constructor.class));
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private static MethodHandle newInstance() {
        try {
            return MethodHandles.lookup().findStatic(NewObjects.class, "construct",
                    MethodType.methodType(Object.class, Constructor.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
