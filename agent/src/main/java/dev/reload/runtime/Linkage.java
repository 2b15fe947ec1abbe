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
        return metafactory(maker, name, factoryType, bridge, alternative, arguments, 4);
    }

    /**
     * {@return the call site {@link LambdaMetafactory} makes for a lambda whose implementation the runtime found}
     *
     * @param arguments the bootstrap's static arguments, whose original ones, without the implementation handle,
     *                  start at {@code from} with the interface method's type
     */
    static CallSite metafactory(MethodHandles.Lookup maker, String name, MethodType factoryType,
                                MethodHandle implementation, boolean alternative, Object[] arguments, int from)
            throws LambdaConversionException {
        MethodType interfaceMethodType = (MethodType) arguments[from];
        if (!alternative) {
            return LambdaMetafactory.metafactory(maker, name, factoryType, interfaceMethodType, implementation,
                    (MethodType) arguments[from + 1]);
        }
        Object[] metafactoryArguments = new Object[arguments.length - from + 1];
        metafactoryArguments[0] = interfaceMethodType;
        metafactoryArguments[1] = implementation;
        System.arraycopy(arguments, from + 1, metafactoryArguments, 2, arguments.length - from - 1);
        return LambdaMetafactory.altMetafactory(maker, name, factoryType, metafactoryArguments);
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
