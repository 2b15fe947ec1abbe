package dev.reload.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.LambdaConversionException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The bootstrap of the {@code invokedynamic} instructions that a nested class added by a reload uses to reach the
 * private members of its nest: its running nest host does not list it, so the JVM does not count it a nestmate,
 * and the access goes through the host's full-privilege lookup instead, which reaches every member of the nest.
 * The member never moves, so the call site is constant and runs as fast as the instruction it replaces.
 */
public final class NestAccess {
    /** The accessor the agent adds to every watched class as it loads; see the patcher's {@code RuntimeNames}. */
    private static final String ACCESSOR_NAME = "$reload$lookup";
    private static final int GETSTATIC = 178;
    private static final int PUTSTATIC = 179;
    private static final int GETFIELD = 180;
    private static final int PUTFIELD = 181;
    private static final int INVOKESTATIC = 184;
    private static final int NEW = 187;
    private static final int REF_INVOKE_STATIC = 6;
    private static final int REF_NEW_INVOKE_SPECIAL = 8;

    private NestAccess() {
    }

    /**
     * Links one access to a member of the nest of {@code owner}.
     *
     * @param caller the accessing class's lookup
     * @param name the member's name ({@code new} for a constructor)
     * @param type the instruction's type: as {@link Linkage#field} for a field; the call's parameters, preceded by
     *             the receiver for an instance method, for a method; the constructor's parameters, returning the
     *             new object, for a constructor
     * @param owner the class that declares the member
     * @param descriptor the member's descriptor as declared
     * @param opcode the instruction replaced: a field instruction, an invoke instruction, or {@code NEW} for a
     *               constructor
     * @return the call site, never null
     * @throws ReflectiveOperationException when the member is gone or the host's lookup cannot be had: the
     *     instruction then fails with a {@code BootstrapMethodError} naming it, as its unlinked access would
     */
    public static CallSite member(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner,
                                  String descriptor, int opcode) throws ReflectiveOperationException {
        MethodHandles.Lookup host = hostLookup(owner.getNestHost(), caller);
        return new ConstantCallSite(handle(host, name, type, owner, descriptor, opcode).asType(type));
    }

    /**
     * Links a method reference to a member of the nest of its class ({@code Outer::secret}): the lambda class is made
     * through the host's lookup, so that it is a nestmate of the host and may call the member.
     *
     * @param caller the lookup of the class making the lambda
     * @param name the functional interface method's name
     * @param factoryType the type of the lambda factory
     * @param arguments the member's class, name, descriptor and handle kind ({@code REF_invokeStatic} …), 1 for
     *                  {@code altMetafactory} or 0 for {@code metafactory}, then the original static arguments
     *                  without the implementation handle
     * @return the call site making lambda objects, never null
     * @throws ReflectiveOperationException when the member is gone or the host's lookup cannot be had
     * @throws LambdaConversionException when {@link java.lang.invoke.LambdaMetafactory} refuses the lambda
     */
    public static CallSite lambda(MethodHandles.Lookup caller, String name, MethodType factoryType,
                                  Object... arguments) throws ReflectiveOperationException, LambdaConversionException {
        Class<?> owner = (Class<?>) arguments[0];
        MethodHandles.Lookup host = hostLookup(owner.getNestHost(), caller);
        MethodHandle implementation = referenced(host, owner, (String) arguments[1], (String) arguments[2],
                (Integer) arguments[3]);
        return Linkage.metafactory(caller, host, name, factoryType, implementation, (Integer) arguments[4] == 1,
                arguments, 5);
    }

    /** {@return the handle a {@code CONSTANT_MethodHandle} of that kind would give, looked up through the host} */
    private static MethodHandle referenced(MethodHandles.Lookup host, Class<?> owner, String name, String descriptor,
                                           int kind) throws ReflectiveOperationException {
        MethodType type = methodType(descriptor, owner);
        return switch (kind) {
            case REF_INVOKE_STATIC -> host.findStatic(owner, name, type);
            case REF_NEW_INVOKE_SPECIAL -> host.findConstructor(owner, type);
            // invokevirtual, invokeinterface, and invokespecial of a private method
            default -> host.findVirtual(owner, name, type);
        };
    }

    private static MethodHandle handle(MethodHandles.Lookup host, String name, MethodType type, Class<?> owner,
                                       String descriptor, int opcode) throws ReflectiveOperationException {
        return switch (opcode) {
            case GETSTATIC -> host.findStaticGetter(owner, name, type.returnType());
            case PUTSTATIC -> host.findStaticSetter(owner, name, type.parameterType(0));
            case GETFIELD -> host.findGetter(owner, name, type.returnType());
            case PUTFIELD -> host.findSetter(owner, name, type.parameterType(1));
            case NEW -> host.findConstructor(owner, methodType(descriptor, owner));
            case INVOKESTATIC -> host.findStatic(owner, name, methodType(descriptor, owner));
            // invokevirtual, invokeinterface, and invokespecial of a private method: the lookup finds a private
            // method too, and calls it without dispatch.
            default -> host.findVirtual(owner, name, methodType(descriptor, owner));
        };
    }

    private static MethodType methodType(String descriptor, Class<?> owner) {
        return MethodType.fromMethodDescriptorString(descriptor, owner.getClassLoader());
    }

    /**
     * {@return the host's full-privilege lookup, cached in its links}: through the caller's, when the two share a
     * module (the application class loader's classes, which load without the accessor), else through its accessor
     */
    private static MethodHandles.Lookup hostLookup(Class<?> host, MethodHandles.Lookup caller)
            throws ReflectiveOperationException {
        ClassLinks links = ClassLinks.of(host);
        MethodHandles.Lookup cached = links.lookup();
        if (cached != null) {
            return cached;
        }
        MethodHandles.Lookup lookup = host.getModule() == caller.lookupClass().getModule()
                ? MethodHandles.privateLookupIn(host, caller) : throughAccessor(host);
        if (!lookup.hasFullPrivilegeAccess()) {
            throw new IllegalAccessException("no full-privilege lookup of " + host.getName() + " from "
                    + caller.lookupClass().getName());
        }
        links.lookup(lookup);
        return lookup;
    }

    private static MethodHandles.Lookup throughAccessor(Class<?> host) throws ReflectiveOperationException {
        Method accessor = host.getDeclaredMethod(ACCESSOR_NAME);
        accessor.setAccessible(true);
        try {
            return (MethodHandles.Lookup) accessor.invoke(null);
        } catch (InvocationTargetException e) {
            throw new IllegalAccessException("the lookup of " + host.getName() + " failed: " + e.getCause());
        }
    }
}
