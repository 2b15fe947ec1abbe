package dev.reload.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaConversionException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lambda bootstraps of reloaded classes: {@link LambdaMetafactory}'s, remembering each call site they link so
 * that the same lambda, linked again, gets the same call site.
 *
 * <p>A redefinition gives the class a new constant pool, so every {@code invokedynamic} in it links again the next
 * time it runs, and {@link LambdaMetafactory} spins a new lambda class each time: a class per lambda per reload,
 * defined strongly in the class's loader, so never unloaded. The agent points the lambda bootstraps of every class
 * it redefines here; a lambda linked again with the same arguments (the same implementation method, interface and
 * captured types) gets the call site it got before. That is sound because the JVM points the existing lambda class
 * at the newest version of the implementation method at each redefinition, as it does for lambda objects made
 * before the reload.
 *
 * <p>The signatures are {@link LambdaMetafactory}'s, so a class file needs only its bootstrap's class name changed.
 * On the boot class path with the rest of the runtime. Thread-safe.
 */
public final class LambdaFactories {
    /** The linked call sites of each class, by what linked them; dropped with the class. */
    private static final Sites SITES = new Sites();

    private LambdaFactories() {
    }

    /**
     * {@link LambdaMetafactory#metafactory}, remembering the call site.
     *
     * @return the call site linked the first time this lambda was, never null
     * @throws LambdaConversionException when {@link LambdaMetafactory} refuses the lambda
     */
    public static CallSite metafactory(MethodHandles.Lookup caller, String interfaceMethodName,
                                       MethodType factoryType, MethodType interfaceMethodType,
                                       MethodHandle implementation, MethodType dynamicMethodType)
            throws LambdaConversionException {
        List<Object> key = key(caller, interfaceMethodName, factoryType,
                interfaceMethodType, implementation, dynamicMethodType);
        CallSite earlier = known(caller, key);
        return earlier != null ? earlier : remember(caller, key, LambdaMetafactory.metafactory(caller, interfaceMethodName, factoryType,
                interfaceMethodType, implementation, dynamicMethodType));
    }

    /**
     * {@link LambdaMetafactory#altMetafactory}, remembering the call site.
     *
     * @return the call site linked the first time this lambda was, never null
     * @throws LambdaConversionException when {@link LambdaMetafactory} refuses the lambda
     */
    public static CallSite altMetafactory(MethodHandles.Lookup caller, String interfaceMethodName,
                                          MethodType factoryType, Object... arguments)
            throws LambdaConversionException {
        List<Object> key = key(caller, interfaceMethodName, factoryType, arguments);
        CallSite earlier = known(caller, key);
        return earlier != null ? earlier : remember(caller, key, LambdaMetafactory.altMetafactory(caller, interfaceMethodName, factoryType,
                arguments));
    }

    /**
     * {@return a call site linked the first time with an equal key, else {@code made}, remembered}: the lambda
     * bootstrap of a class made elsewhere (a moved lambda's) shares the cache through this
     *
     * @param caller the lookup the call site was linked for
     * @param key what linked it, from {@link #key}; null to remember nothing
     * @param made the call site just linked
     */
    static CallSite remember(MethodHandles.Lookup caller, List<Object> key, CallSite made) {
        if (key == null) {
            return made;
        }
        CallSite earlier = SITES.get(caller.lookupClass()).putIfAbsent(key, made);
        return earlier == null ? made : earlier;
    }

    /**
     * {@return a call site linked earlier with an equal key, or null}
     *
     * @param caller the lookup the call site is linked for
     * @param key what links it, from {@link #key}; null finds nothing
     */
    static CallSite known(MethodHandles.Lookup caller, List<Object> key) {
        return key == null ? null : SITES.get(caller.lookupClass()).get(key);
    }

    /**
     * {@return what links a lambda, comparable across links: method handles by the member they name; null when a
     * handle names no member the caller may see, and the call site is then not shared}
     */
    static List<Object> key(MethodHandles.Lookup caller, String name, MethodType factoryType, Object... arguments) {
        List<Object> key = new ArrayList<>(arguments.length + 2);
        key.add(name);
        key.add(factoryType);
        for (Object argument : arguments) {
            if (argument instanceof MethodHandle handle) {
                Object member = member(caller, handle);
                if (member == null) {
                    return null;
                }
                key.add(member);
            } else {
                key.add(argument);
            }
        }
        return key;
    }

    private static Object member(MethodHandles.Lookup caller, MethodHandle handle) {
        try {
            MethodHandleInfo info = caller.revealDirect(handle);
            return List.of(info.getReferenceKind(), info.getDeclaringClass(), info.getName(), info.getMethodType());
        } catch (IllegalArgumentException | SecurityException notDirect) {
            return null;
        }
    }

    /** The call sites linked for each class. */
    private static final class Sites extends ClassValue<Map<List<Object>, CallSite>> {
        @Override
        protected Map<List<Object>, CallSite> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    }
}
