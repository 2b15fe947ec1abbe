package dev.reload.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.LambdaConversionException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
        // A method a reload added to an interface runs what the receiver's class implements.
        OverrideDispatch added = owner.isInterface() ? OverrideDispatch.addedTo(owner, name + descriptor) : null;
        if (added != null) {
            return added.dispatchSite(type);
        }
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
        return metafactory(caller, maker, name, factoryType, bridge, alternative, arguments, 4);
    }

    /**
     * {@return the call site {@link LambdaMetafactory} makes for a lambda whose implementation the runtime found}:
     * the one made when the same lambda of the caller was linked before, if it was, since every reload of the caller
     * links its lambdas again ({@link LambdaFactories})
     *
     * @param caller the lookup of the class whose instruction is linked
     * @param maker the lookup the lambda class is made with
     * @param arguments the bootstrap's static arguments, whose original ones, without the implementation handle,
     *                  start at {@code from} with the interface method's type
     */
    static CallSite metafactory(MethodHandles.Lookup caller, MethodHandles.Lookup maker, String name,
                                MethodType factoryType, MethodHandle implementation, boolean alternative,
                                Object[] arguments, int from) throws LambdaConversionException {
        Object[] metafactoryArguments = new Object[arguments.length - from + 1];
        metafactoryArguments[0] = arguments[from];
        metafactoryArguments[1] = implementation;
        System.arraycopy(arguments, from + 1, metafactoryArguments, 2, arguments.length - from - 1);
        List<Object> linkedBy = LambdaFactories.key(maker, name, factoryType, metafactoryArguments);
        CallSite earlier = LambdaFactories.known(caller, linkedBy);
        if (earlier != null) {
            return earlier;
        }
        CallSite made = alternative
                ? LambdaMetafactory.altMetafactory(maker, name, factoryType, metafactoryArguments)
                : LambdaMetafactory.metafactory(maker, name, factoryType, (MethodType) metafactoryArguments[0],
                        implementation, (MethodType) metafactoryArguments[2]);
        return LambdaFactories.remember(caller, linkedBy, made);
    }

    /**
     * Links the body of a method made to dispatch on its receiver's class, because a reload added an override of it
     * to a subclass, to its {@link OverrideDispatch}.
     *
     * @param caller the declaring class's lookup
     * @param name the method's name
     * @param type the receiver, then the method's parameters
     * @param owner the class that declares the method
     * @param descriptor the method's descriptor as declared
     * @return the call site, never null
     */
    public static CallSite dispatch(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner,
                                    String descriptor) {
        return OverrideDispatch.of(owner, name + descriptor).dispatchSite(type);
    }

    /**
     * Links {@code super.m()} in code moved out of a class, and in a class's own methods when {@code m} dispatches
     * (see {@code LinkedSuperCalls}): only the class itself may call its superclass's method non-virtually, so the
     * call is looked up with the class's own full-privilege lookup ({@code findSpecial}). When the method it reaches dispatches because of an added override, the call reaches
     * what the dispatch chooses for the named class (its own override, or the declaration's own body), never the
     * dispatch itself, which would choose the caller's override again.
     *
     * @param caller the lookup of the class or the companion making the call
     * @param name the method's name
     * @param type the receiver (the class the code was written in), then the method's parameters
     * @param writtenIn the class the code was written in
     * @param named the class the call names, its superclass or a superinterface
     * @param descriptor the method's descriptor
     * @return the call site, never null
     * @throws ReflectiveOperationException when the method cannot be found or reached
     */
    public static CallSite superCall(MethodHandles.Lookup caller, String name, MethodType type, Class<?> writtenIn,
                                     Class<?> named, String descriptor) throws ReflectiveOperationException {
        MethodType methodType = type.dropParameterTypes(0, 1);
        OverrideDispatch added = addedAbove(named, name + descriptor, methodType);
        if (added != null) {
            // Shape.super.m() of a method a reload added to Shape runs its default body; super.m() naming a class
            // runs what the dispatch chooses for that class.
            return named.isInterface() ? added.ownBodySite(type) : added.superCall(named, type,
                    ClassLinks.throwing(type, name + descriptor + " is not linked above " + named.getName()));
        }
        OverrideDispatch addedToClass = addedToSuperclass(named, name + descriptor, methodType);
        if (addedToClass != null) {
            // super.m() of a method a reload added to a class runs what its dispatch chooses for the named class.
            return addedToClass.superCall(named, type, ClassLinks.throwing(type, name + descriptor
                    + " does not dispatch from " + named.getName()));
        }
        // A class's own method making the call links with its own lookup; a companion's, with its class's.
        MethodHandles.Lookup own = caller.lookupClass() == writtenIn ? caller : ClassLinks.of(writtenIn).lookup();
        if (own == null) {
            throw new IllegalAccessException("no lookup of " + writtenIn.getName() + " to call super." + name);
        }
        Class<?> declarer = declarer(named, name, methodType);
        MethodHandle special;
        try {
            special = own.findSpecial(named, name, methodType, writtenIn);
        } catch (IllegalAccessException e) {
            // A package-access method a reload made protected or public, called from a subclass in another
            // package: its declaration keeps package access, and dispatches, so the call reaches its own body there.
            if (declarer == null || !OverrideDispatch.of(declarer, name + descriptor).dispatching()) {
                throw e;
            }
            special = ClassLinks.throwing(type, name + descriptor + " of " + declarer.getName()
                    + " is reached through its dispatch");
        }
        if (declarer == null) {
            return new ConstantCallSite(special.asType(type));
        }
        return OverrideDispatch.of(declarer, name + descriptor).superCall(named, type, special);
    }

    /**
     * {@return the dispatch of the method a reload added to the class {@code type} or a superclass, made to dispatch
     * now if it does not yet; or null when a class from {@code type} up or a superinterface declares the method with
     * a body as it runs (whose declaration dispatches instead), or no reload added it}: of several classes that
     * reloads added it to, the topmost, whose method the others override; an abstract declaration above is what
     * that method implements
     */
    private static OverrideDispatch addedToSuperclass(Class<?> type, String key, MethodType methodType) {
        String name = key.substring(0, key.indexOf('('));
        if (type.isInterface()) {
            return null;
        }
        Class<?> declarer = declarer(type, name, methodType);
        if (declarer != null && !Modifier.isAbstract(declared(declarer, name, methodType).getModifiers())) {
            return null;
        }
        Class<?> topmost = null;
        for (Class<?> each = type; each != null; each = each.getSuperclass()) {
            if (ClassLinks.of(each).implementation(key) != null) {
                topmost = each;
            }
        }
        return topmost == null ? null : ClassLinks.of(topmost).dispatchOwn(key);
    }

    /**
     * {@return the dispatch of the method a reload added to {@code type}, an interface, or to an interface the class
     * {@code type} inherits it from, no class from it up declaring the method; or null}
     */
    private static OverrideDispatch addedAbove(Class<?> type, String key, MethodType methodType) {
        if (type.isInterface()) {
            return OverrideDispatch.addedTo(type, key);
        }
        Class<?> declarer = declarer(type, key.substring(0, key.indexOf('(')), methodType);
        if (declarer != null && !declarer.isInterface()) {
            return null;
        }
        for (Class<?> implemented : superinterfaces(type)) {
            OverrideDispatch added = OverrideDispatch.addedTo(implemented, key);
            if (added != null) {
                return added;
            }
        }
        return null;
    }

    /**
     * {@return the nearest class from {@code type} up that declares the instance method, else the superinterface
     * whose default method the class inherits (one that may dispatch because a reload overrode it), or null}
     */
    private static Class<?> declarer(Class<?> type, String name, MethodType methodType) {
        for (Class<?> each = type; each != null; each = each.getSuperclass()) {
            if (declares(each, name, methodType)) {
                return each;
            }
        }
        for (Class<?> implemented : superinterfaces(type)) {
            if (declares(implemented, name, methodType)) {
                return implemented;
            }
        }
        return null;
    }

    /** {@return the interfaces of the class and its superclasses, then theirs, nearest first, once each} */
    private static Set<Class<?>> superinterfaces(Class<?> type) {
        ArrayDeque<Class<?>> pending = new ArrayDeque<>();
        for (Class<?> each = type; each != null; each = each.getSuperclass()) {
            pending.addAll(List.of(each.getInterfaces()));
        }
        Set<Class<?>> seen = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            Class<?> implemented = pending.pop();
            if (seen.add(implemented)) {
                pending.addAll(List.of(implemented.getInterfaces()));
            }
        }
        return seen;
    }

    private static boolean declares(Class<?> type, String name, MethodType methodType) {
        return declared(type, name, methodType) != null;
    }

    /** {@return the instance method the class or interface declares with that name and type, or null} */
    private static Method declared(Class<?> type, String name, MethodType methodType) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name) && method.getReturnType() == methodType.returnType()
                    && Arrays.equals(method.getParameterTypes(), methodType.parameterArray())
                    && !Modifier.isStatic(method.getModifiers())) {
                return method;
            }
        }
        return null;
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
