package dev.reload.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chain of tests one {@link OverrideDispatch}'s call site targets: exact-class tests, which the JIT inlines, for
 * the declaring class, the overriding classes of its loader and the first few classes the table chose for, then the
 * table itself ({@link OverrideChoices}). Apart from the dispatch because it is how a choice is made fast, not what
 * is chosen: the dispatch keeps the overrides, the own body and the call sites, and builds its target from this
 * whenever one of them changes or a class gains a test here.
 *
 * <p>Lives on the boot class path with the rest of the runtime. Not thread-safe: its dispatch calls it only holding
 * the dispatch's lock, which guards it. The targets it builds hold none of its state, only the table, handles and
 * weak references, and run on any thread.
 */
final class DispatchChain {
    /**
     * How many classes the table chose for get an exact-class test of their own: enough for the monomorphic and
     * bimorphic call sites a game's loop has, few enough that a class past them pays one test more each than the
     * table alone.
     */
    static final int CLASS_TESTS = 4;
    private static final MethodHandle IS_CLASS;
    private static final MethodHandle CHOOSE;
    private static final MethodHandle CHOOSES_OWN_BODY;
    private static final MethodHandle IS_REFERENT;

    static {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            IS_CLASS = lookup.findStatic(DispatchChain.class, "isClass",
                    MethodType.methodType(boolean.class, Class.class, Object.class));
            CHOOSE = lookup.findStatic(DispatchChain.class, "choose",
                    MethodType.methodType(MethodHandle.class, ClassValue.class, Object.class));
            CHOOSES_OWN_BODY = lookup.findStatic(DispatchChain.class, "choosesOwnBody",
                    MethodType.methodType(boolean.class, OverrideChoices.class, Object.class));
            IS_REFERENT = lookup.findStatic(DispatchChain.class, "isReferent",
                    MethodType.methodType(boolean.class, WeakReference.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Class<?> declarer;
    /** The overriding classes of the declarer's own loader, which live as long as it does: tested exactly first. */
    private final Map<Class<?>, MethodHandle> sameLoader = new LinkedHashMap<>();
    /**
     * Classes the current choices sent to the own body, tested exactly before the table, at most
     * {@link #CLASS_TESTS} with {@link #declaredChoices}; held weakly, since an inheriting class may belong to a
     * loader the program drops. Emptied whenever the choices are made anew; a slot a collected class held stays
     * taken until then, so the dispatch is relinked at most that many times between two changes of the overrides.
     */
    private final List<WeakReference<Class<?>>> ownBodyClasses = new ArrayList<>();
    /**
     * Classes of the declarer's loader the current choices sent elsewhere (a method the class declares, an override
     * it inherits), with what they chose, tested exactly before the table like {@link #ownBodyClasses}: the handle
     * the table holds is no constant to the JIT, these are. Held strongly, as {@link #sameLoader} is.
     */
    private final Map<Class<?>, MethodHandle> declaredChoices = new LinkedHashMap<>();

    /** Makes the chain of the dispatch of a method {@code declarer} declares, never null, with no class tested. */
    DispatchChain(Class<?> declarer) {
        this.declarer = declarer;
    }

    /**
     * Sets the override a reload added to a class, or takes it away: tested exactly when the class is of the
     * declarer's loader.
     *
     * @param type the overriding class, never null
     * @param override the override in its static form, the receiver first; null when the class no longer has one
     */
    void overriddenBy(Class<?> type, MethodHandle override) {
        if (type.getClassLoader() == declarer.getClassLoader()) {
            if (override == null) {
                sameLoader.remove(type);
            } else {
                sameLoader.put(type, override);
            }
        }
    }

    /** Drops the tests of the classes the table chose for, since the choices are made anew. */
    void choicesMadeAnew() {
        ownBodyClasses.clear();
        declaredChoices.clear();
    }

    /**
     * Gives a class the table chose for an exact-class test of its own, while fewer than {@link #CLASS_TESTS}
     * classes have one. A class of another loader gets one only when it runs the own body, which the test names
     * weakly.
     *
     * @param type the receiver's class, never null
     * @param chosen what the choices chose for it, never null
     * @param ownBody the own body of the choices that chose, never null
     * @return true when the class got a test, and so the dispatch's target must be built again
     */
    boolean chosen(Class<?> type, MethodHandle chosen, MethodHandle ownBody) {
        if (type == declarer || classTests() >= CLASS_TESTS) {
            return false;
        }
        if (chosen == ownBody) {
            ownBodyClasses.add(new WeakReference<>(type));
        } else if (type.getClassLoader() == declarer.getClassLoader() && !sameLoader.containsKey(type)) {
            declaredChoices.put(type, chosen);
        } else {
            return false;
        }
        return true;
    }

    /** {@return how many classes the table chose for are tested exactly now, collected ones included} */
    int classTests() {
        return ownBodyClasses.size() + declaredChoices.size();
    }

    /**
     * {@return exact-class tests for the declaring class and each overriding one of its loader, then the table}
     *
     * @param ownSite the call site of the own body, never null
     * @param choices the table of the current choices, never null
     * @param otherPackagesOverride false to skip the overriding classes of packages other than the declarer's
     */
    MethodHandle target(MutableCallSite ownSite, OverrideChoices choices, boolean otherPackagesOverride) {
        MethodType type = ownSite.type();
        MethodHandle choose = CHOOSE.bindTo(choices).asType(MethodType.methodType(MethodHandle.class,
                type.parameterType(0)));
        MethodHandle target = MethodHandles.foldArguments(MethodHandles.exactInvoker(type), choose);
        // A receiver the table sends to the own body (a class inheriting it) calls it through its constant invoker,
        // which the JIT inlines, where the handle the table holds is no constant to it.
        target = MethodHandles.guardWithTest(onReceiver(CHOOSES_OWN_BODY.bindTo(choices), type),
                ownSite.dynamicInvoker(), target);
        for (WeakReference<Class<?>> inheriting : ownBodyClasses) {
            target = MethodHandles.guardWithTest(onReceiver(IS_REFERENT.bindTo(inheriting), type),
                    ownSite.dynamicInvoker(), target);
        }
        for (Map.Entry<Class<?>, MethodHandle> chosen : declaredChoices.entrySet()) {
            target = MethodHandles.guardWithTest(isExactly(chosen.getKey(), type), chosen.getValue().asType(type),
                    target);
        }
        for (Map.Entry<Class<?>, MethodHandle> override : sameLoader.entrySet()) {
            if (!otherPackagesOverride && !OverrideDispatch.samePackage(override.getKey(), declarer)) {
                continue;
            }
            target = MethodHandles.guardWithTest(isExactly(override.getKey(), type),
                    override.getValue().asType(type), target);
        }
        // An interface has no objects of its own class: a receiver reaching its default method runs the own body.
        return declarer.isInterface() ? target
                : MethodHandles.guardWithTest(isExactly(declarer, type), ownSite.dynamicInvoker(), target);
    }

    private static MethodHandle isExactly(Class<?> type, MethodType dispatchType) {
        return onReceiver(IS_CLASS.bindTo(type), dispatchType);
    }

    /** {@return a test of the receiver, {@code (Object)boolean}, taking the arguments of a call of the dispatch} */
    private static MethodHandle onReceiver(MethodHandle test, MethodType dispatchType) {
        MethodHandle typed = test.asType(MethodType.methodType(boolean.class, dispatchType.parameterType(0)));
        return MethodHandles.dropArguments(typed, 1, dispatchType.parameterList().subList(1,
                dispatchType.parameterCount()));
    }

    @SuppressWarnings("unused") // called through IS_CLASS
    private static boolean isClass(Class<?> type, Object receiver) {
        return receiver.getClass() == type;
    }

    @SuppressWarnings("unused") // called through IS_REFERENT
    private static boolean isReferent(WeakReference<Class<?>> type, Object receiver) {
        return receiver.getClass() == type.get();
    }

    @SuppressWarnings("unused") // called through CHOOSE
    private static MethodHandle choose(ClassValue<MethodHandle> choices, Object receiver) {
        return choices.get(receiver.getClass());
    }

    @SuppressWarnings("unused") // called through CHOOSES_OWN_BODY
    private static boolean choosesOwnBody(OverrideChoices choices, Object receiver) {
        return choices.get(receiver.getClass()) == choices.ownBody();
    }
}
