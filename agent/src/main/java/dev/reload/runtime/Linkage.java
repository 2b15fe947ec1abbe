package dev.reload.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.LambdaConversionException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The bootstrap methods of the {@code invokedynamic} instructions that rewritten classes use to reach moved
 * methods. On the boot class path, so classes of every loader link to the same registry.
 */
public final class Linkage {
    private Linkage() {
    }

    /**
     * Links a call to a moved method: every call to one method shares one call site, relinked by each reload.
     *
     * @param caller the calling class's lookup
     * @param name the method's name
     * @param type the call's type: the method's parameters, preceded by the receiver for an instance method
     * @param owner the class that declares the method in its new version
     * @param descriptor the method's descriptor as declared
     * @return the call site, never null
     */
    public static CallSite method(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner,
                                  String descriptor) {
        return ClassLinks.of(owner).site(name + descriptor, type);
    }

    /**
     * Links a lambda whose implementation method was moved, through the method's bridge, a static method of a
     * named class: Java 17's lambda classes cannot name a hidden class, and lambda objects made before a later
     * edit then run that edit's code.
     *
     * @param caller the lookup of the class making the lambda
     * @param name the functional interface method's name
     * @param factoryType the type of the lambda factory
     * @param arguments the owner class, the implementation's name and descriptor, 1 for {@code altMetafactory}
     *                  or 0 for {@code metafactory}, then the original static arguments without the implementation
     * @return the call site making lambda objects, never null
     * @throws LambdaConversionException when {@link LambdaMetafactory} refuses the lambda
     */
    public static CallSite lambda(MethodHandles.Lookup caller, String name, MethodType factoryType,
                                  Object... arguments) throws LambdaConversionException {
        Class<?> owner = (Class<?>) arguments[0];
        String key = (String) arguments[1] + arguments[2];
        boolean alternative = (Integer) arguments[3] == 1;
        ClassLinks links = ClassLinks.of(owner);
        MethodHandle bridge = links.bridgeOrNull(key);
        if (bridge == null) {
            throw new IllegalStateException("no bridge for " + owner.getName() + "." + key
                    + ": the reload that moved it did not finish");
        }
        // A hidden caller (a companion) makes lambdas as its class would: same loader, full access.
        MethodHandles.Lookup maker = caller.lookupClass().isHidden() && links.lookup() != null
                ? links.lookup() : caller;
        MethodType interfaceMethodType = (MethodType) arguments[4];
        if (!alternative) {
            return LambdaMetafactory.metafactory(maker, name, factoryType, interfaceMethodType, bridge,
                    (MethodType) arguments[5]);
        }
        Object[] metafactoryArguments = new Object[arguments.length - 3];
        metafactoryArguments[0] = interfaceMethodType;
        metafactoryArguments[1] = bridge;
        System.arraycopy(arguments, 5, metafactoryArguments, 2, arguments.length - 5);
        return LambdaMetafactory.altMetafactory(maker, name, factoryType, metafactoryArguments);
    }

    /**
     * Links the making of an object by a constructor a reload added, to its factory in the newest companion: every
     * {@code new} of one constructor shares one call site, relinked by each reload like a moved method's.
     *
     * @param caller the calling class's lookup
     * @param name the factory's name
     * @param type a placeholder {@code Object} (null), the constructor's parameters, and the class made
     * @param owner the class the constructor belongs to
     * @param descriptor the constructor's descriptor as declared
     * @return the call site, never null
     */
    public static CallSite constructor(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner,
                                       String descriptor) {
        return ClassLinks.of(owner).site("<init>" + descriptor, type);
    }

    /**
     * Links, in the factory of an added constructor, its call of {@code this(...)} or {@code super(...)}: the
     * object made by that constructor alone.
     *
     * @param caller the factory's lookup (a hidden nestmate of the class)
     * @param name any name
     * @param type a placeholder {@code Object} (null), the delegated constructor's parameters, and the class made
     * @param declarer the class itself, or its superclass
     * @return the call site, never null
     * @throws Throwable when the delegated constructor cannot be found
     */
    public static CallSite allocation(MethodHandles.Lookup caller, String name, MethodType type, Class<?> declarer)
            throws Throwable {
        return new ConstantCallSite(NewObjects.allocation(caller, type, declarer));
    }

    /**
     * Links a write of a {@code final} instance field in the factory of an added constructor, which the JVM allows
     * only in the class's own constructors.
     *
     * @param caller the factory's lookup
     * @param name the field's name
     * @param type the receiver and the value, returning void
     * @param owner the class declaring the field
     * @return the call site, never null
     * @throws ReflectiveOperationException when the field cannot be found or made writable
     */
    public static CallSite finalField(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner)
            throws ReflectiveOperationException {
        return new ConstantCallSite(NewObjects.finalFieldSetter(caller, name, type, owner));
    }

    /**
     * Links a read or write of a field that a reload added, which the running class has no room for, to where the
     * field lives ({@link AddedFields}); the place never changes, so the call site is constant.
     *
     * @param caller the accessing class's lookup
     * @param name the field's name
     * @param type the instruction's type: the receiver for an instance field, the value for a write; the value
     *             read for a read
     * @param owner the class that declares the field in its new version
     * @param descriptor the field's descriptor
     * @param opcode the field instruction replaced: {@code GETSTATIC}, {@code PUTSTATIC}, {@code GETFIELD} or
     *               {@code PUTFIELD}
     * @return the call site, never null
     */
    public static CallSite field(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner,
                                 String descriptor, int opcode) {
        return new ConstantCallSite(AddedFields.of(owner).accessor(name, descriptor, opcode, type));
    }
}
