package dev.reload.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dispatch of one method made to dispatch on its receiver's class, because a reload added an override of it to a
 * subclass: an override added on a running JVM lives in the subclass's companion and never enters its vtable, so the
 * declaration the subclass overrides (whose body became a call of this dispatch) chooses for it. A receiver of the
 * declaring class runs the declaration's own body; one of a class whose reload added an override runs that override;
 * any other runs the override of its nearest ancestor below the declaring class, or the own body. The choice is made by
 * exact-class tests for the declaring class and the overriding classes of its class loader, which the JIT inlines, then
 * by a table kept per class ({@link OverrideChoices}), in a chain of tests ({@link DispatchChain}). The first few
 * classes the table sends to the own body (an inheriting class: of an interface's default method, or a sibling of an
 * overriding class) get an exact-class test too, added once each when the table first chooses for them, and dropped
 * whenever the overrides change. Super calls that reach the method are linked here too, to the choice for the class
 * they name ({@link SuperCalls}): never the dispatch, which would choose the caller's override again. The dispatch of a
 * method a reload added moves, with all of this, into the dispatch of a superclass that a reload gives the method later
 * ({@link #moveTo}).
 *
 * <p>A class of another loader (a mod's, a plugin's) is held only weakly, and its override on the class itself, so
 * that the dispatch of a longer-lived declaring class never keeps a loader the program dropped from being
 * collected.
 *
 * <p>Lives on the boot class path with the rest of the runtime; uses the JDK only. Thread-safe: its lock guards its
 * chain of tests and its super calls too.
 */
public final class OverrideDispatch {
    private static final Registry REGISTRY = new Registry();
    private final Class<?> declarer;
    private final String key;
    /** The override a reload added to each class, in its static form (receiver first), kept on that class. */
    private final OverrideChoices.Overrides overrides = new OverrideChoices.Overrides();
    /** The exact-class tests the dispatch site runs before the table, guarded by this dispatch's lock. */
    private final DispatchChain chain;
    /** The super calls linked here, retargeted with the choices, guarded by this dispatch's lock. */
    private final SuperCalls superCalls = new SuperCalls();
    /** Targets the own body, in its static form; null until the declaration dispatches. */
    private MutableCallSite ownSite;
    private MutableCallSite dispatchSite;
    /** What the current overrides choose for each receiver class; null until the declaration dispatches. */
    private OverrideChoices choices;
    /**
     * True for a method a reload added (to an interface, or to a class that a reload then overrode): called through
     * {@code invokedynamic}, never through a vtable, so the dispatch finds the implementations classes declare too.
     */
    private boolean addedByReload;
    /**
     * True while the declaration, a package-access method, is protected or public in the version now running: the
     * dispatch finds the methods subclasses in other packages declare, which the running access does not let
     * override it.
     */
    private boolean choosesDeclared;
    /**
     * True for a package-access declaration told {@link #choosesDeclared}: the overrides a reload added to classes
     * of other packages count only while it is protected or public.
     */
    private boolean packageAccess;
    /**
     * The classes that registered an override here or whose calls link here ({@link ClassLinks}), weakly: what
     * {@link #moveTo} moves, since {@link #overrides} cannot be listed.
     */
    private final List<WeakReference<Class<?>>> members = new ArrayList<>();
    /** The dispatch of a superclass's method this one moved into, which everything asked of it goes to; or null. */
    private OverrideDispatch movedTo;

    private OverrideDispatch(Class<?> declarer, String key) {
        this.declarer = declarer;
        this.key = key;
        this.chain = new DispatchChain(declarer);
    }

    /**
     * {@return the dispatch of a method, made on first use}
     *
     * @param declarer the class declaring the method, never null
     * @param key the method's name followed by its descriptor, never null
     */
    public static OverrideDispatch of(Class<?> declarer, String key) {
        Objects.requireNonNull(key, "key");
        return REGISTRY.get(Objects.requireNonNull(declarer, "declarer"))
                .computeIfAbsent(key, k -> new OverrideDispatch(declarer, k));
    }

    /**
     * {@return the dispatch of a method a reload added, or null when no reload added one with this key that
     * dispatches}: calls of it through the interface link here, and so does {@code Shape.super.m()}, to the default
     * body; so do the calls of a class's added method once a reload overrode it ({@link ClassLinks#dispatchOwn})
     *
     * @param declarer the interface or class, never null
     * @param key the method's name followed by its descriptor, never null
     */
    public static OverrideDispatch addedTo(Class<?> declarer, String key) {
        OverrideDispatch dispatch = REGISTRY.get(declarer).get(key);
        return dispatch != null && dispatch.isAddedByReload() ? dispatch : null;
    }

    /**
     * Makes this the dispatch of a method a reload added, with its body as its own body: for an interface, the
     * default body, or the body that throws {@link AbstractMethodError} for an abstract one, set before the
     * redefinition that starts calling it; for a class, its body in the newest companion, set when a reload first
     * overrides it.
     *
     * @param ownBody the body in its static form, the receiver first; never null
     */
    public synchronized void addedByReload(MethodHandle ownBody) {
        addedByReload = true;
        ownBody(ownBody);
    }

    private synchronized boolean isAddedByReload() {
        return addedByReload;
    }

    /** {@return true when this dispatches a method of {@code type} itself, not one of a superclass} */
    boolean declaredBy(Class<?> type) {
        return declarer == type;
    }

    /**
     * Makes the dispatch choose, or stop choosing, for a receiver, the method its class or the nearest class
     * between it and the declarer declares itself: for a package-access method a reload made protected or public,
     * whose running declaration keeps package access, under which a subclass in another package declaring the
     * method does not override it (JVMS 5.4.5); after the redefinition that made it so took. While it has package
     * access again, the overrides a reload added to classes of other packages are not chosen either.
     *
     * @param declared true while the version now running has the method protected or public
     */
    public synchronized void choosesDeclared(boolean declared) {
        if (declared != choosesDeclared || !packageAccess) {
            choosesDeclared = declared;
            packageAccess = true;
            if (ownSite != null) {
                relink();
            }
        }
    }

    /** {@return true once the declaration has an own body, that is once it dispatches} */
    public synchronized boolean dispatching() {
        return ownSite != null;
    }

    /**
     * Sets the declaration's own body: before the class is first redefined to dispatch, and after each later
     * redefinition, which moves the body it declares to a new class.
     *
     * @param ownBody the body in its static form, the receiver first; never null
     */
    public synchronized void ownBody(MethodHandle ownBody) {
        if (ownSite == null) {
            ownSite = new MutableCallSite(ownBody);
            relink();
        } else {
            ownSite.setTarget(ownBody.asType(ownSite.type()));
            MutableCallSite.syncAll(new MutableCallSite[] {ownSite});
        }
    }

    /**
     * Sets the override a reload added to a class, or takes it away.
     *
     * @param type the overriding class, never null
     * @param override the override in its static form, the receiver first; null when the class's version now
     *                 running no longer declares it, and so its objects reach the override of its nearest ancestor
     */
    public synchronized void overriddenBy(Class<?> type, MethodHandle override) {
        if (movedTo != null) {
            movedTo.overriddenBy(type, override);
            return;
        }
        if (override != null) {
            member(type);
        }
        OverrideChoices.OverrideSlot slot = overrides.get(type);
        MethodHandle before = slot.override;
        slot.override = override;
        chain.overriddenBy(type, override);
        if (before != override && ownSite != null) {
            relink();
        }
    }

    /**
     * Sets the override a reload added to a class before the redefinition that starts calling it, when no call of
     * the dispatch is linked yet (a method a reload is adding to an interface): then no call can reach the
     * interface's body, which for an abstract method throws, between the redefinition and {@link #overriddenBy}.
     *
     * @param type the overriding class, never null
     * @param override the override in its static form, the receiver first; never null
     */
    public synchronized void overriddenByBeforeAnyCall(Class<?> type, MethodHandle override) {
        if (dispatchSite == null && superCalls.isEmpty()) {
            overriddenBy(type, override);
        }
    }

    /**
     * Sets the override of a class that has one here to the new version its class's links were given: which the
     * class's rewrite does not register itself when that version no longer counts as an override (the superclass's
     * method was removed again) or registers with an interface's dispatch instead.
     *
     * @param type the overriding class, never null
     * @param override its new version in its static form, the receiver first; never null
     */
    synchronized void overrideEdited(Class<?> type, MethodHandle override) {
        if (movedTo != null) {
            movedTo.overrideEdited(type, override);
        } else if (overrides.get(type).override != null) {
            overriddenBy(type, override);
        }
    }

    /** Records that the calls a class's links hold reach this dispatch, which {@link #moveTo} moves. */
    synchronized void reachedFrom(Class<?> type) {
        member(type);
    }

    private void member(Class<?> type) {
        members.removeIf(each -> each.get() == null);
        if (members.stream().noneMatch(each -> each.get() == type)) {
            members.add(new WeakReference<>(type));
        }
    }

    /** {@return the dispatch everything asked of this one goes to: itself, or the one it moved into, followed up} */
    synchronized OverrideDispatch current() {
        return movedTo == null ? this : movedTo.current();
    }

    /** {@return true when this dispatches a method of a subclass of the class {@code above} dispatches it for} */
    boolean below(OverrideDispatch above) {
        return above.declarer != declarer && above.declarer.isAssignableFrom(declarer);
    }

    /**
     * Moves this dispatch of a method a reload added, which dispatched because a reload overrode it, into the
     * dispatch of the same method that a reload added since to a superclass (the reverse order): its own body
     * becomes its class's override there, the overrides registered here and the super calls linked here move
     * there, and the calls linked here reach it. Everything asked of this one from now on goes there.
     *
     * @param above the superclass's dispatch, dispatching already; never null
     * @return the classes whose links' calls reached this dispatch, for them to name {@code above} from now on;
     *         empty when it moved already
     */
    List<Class<?>> moveTo(OverrideDispatch above) {
        List<Class<?>> reaching = new ArrayList<>();
        SuperCalls calls;
        MethodHandle own;
        synchronized (this) {
            if (movedTo != null || ownSite == null) {
                return List.of();
            }
            movedTo = above;
            members.forEach(each -> reaching.add(each.get()));
            reaching.removeIf(Objects::isNull);
            members.clear();
            calls = superCalls.takeAll();
            own = ownSite.getTarget();
        }
        // Registered there before the calls linked here go there, so that none reaches the superclass's body.
        above.overriddenBy(declarer, own);
        for (Class<?> each : reaching) {
            MethodHandle override = overrides.get(each).override;
            if (override != null) {
                above.overriddenBy(each, override);
            }
        }
        above.adopt(calls);
        synchronized (this) {
            if (dispatchSite != null) {
                dispatchSite.setTarget(above.dispatchSite(dispatchSite.type()).dynamicInvoker());
                MutableCallSite.syncAll(new MutableCallSite[] {dispatchSite});
            }
        }
        return reaching;
    }

    /** Takes over the super calls linked to a dispatch that moved here, choosing for the classes they name. */
    private synchronized void adopt(SuperCalls calls) {
        if (movedTo != null) {
            movedTo.adopt(calls);
            return;
        }
        superCalls.addAll(calls);
        if (ownSite != null) {
            relink();
        }
    }

    /** {@return a call site of the own body, typed as the caller asks: {@code Shape.super.m()} of an added method} */
    synchronized CallSite ownBodySite(MethodType type) {
        return new ConstantCallSite(ownSite.dynamicInvoker().asType(type));
    }

    /** {@return the call site of the declaration's dispatch, typed as the declaration's body calls it} */
    synchronized CallSite dispatchSite(MethodType type) {
        if (movedTo != null) {
            return movedTo.dispatchSite(type);
        }
        if (ownSite == null) {
            return new MutableCallSite(ClassLinks.throwing(type, key + " of " + declarer.getName()
                    + " does not dispatch: the reload that made it did not finish"));
        }
        if (dispatchSite == null) {
            dispatchSite = new MutableCallSite(ownSite.type());
            dispatchSite.setTarget(dispatchTarget());
        }
        return dispatchSite.type().equals(type) ? dispatchSite
                : new MutableCallSite(dispatchSite.dynamicInvoker().asType(type));
    }

    /**
     * {@return the call site of a super call naming {@code named}}
     *
     * @param named the class the call names, the caller's superclass (or a superinterface)
     * @param type the call's type, the receiver first
     * @param special the method the call reaches while the declaration does not dispatch: the declaration
     *                itself, invoked non-virtually
     */
    synchronized CallSite superCall(Class<?> named, MethodType type, MethodHandle special) {
        if (movedTo != null) {
            return movedTo.superCall(named, type, special);
        }
        MutableCallSite site = new MutableCallSite(ownSite == null ? special.asType(type)
                : SuperCalls.typedFor(choices.chosenFor(named), type));
        superCalls.add(named, site);
        return site;
    }

    private void relink() {
        chain.choicesMadeAnew();
        choices = new OverrideChoices(this, declarer, overrides, ownSite.dynamicInvoker(),
                addedByReload || choosesDeclared ? key.substring(0, key.indexOf('(')) : null,
                otherPackagesOverride());
        List<MutableCallSite> changed = new ArrayList<>();
        if (dispatchSite != null) {
            dispatchSite.setTarget(dispatchTarget());
            changed.add(dispatchSite);
        }
        superCalls.retarget(choices, changed);
        if (!changed.isEmpty()) {
            MutableCallSite.syncAll(changed.toArray(MutableCallSite[]::new));
        }
    }

    /**
     * Gives a class the table chose for an exact-class test of its own, while fewer than
     * {@link DispatchChain#CLASS_TESTS} classes have one: called once per class and choices, when the table first
     * chooses. A class of another loader gets one only when it runs the own body, which the test names weakly.
     *
     * @param made the choices that chose, which may be older than the current ones
     * @param type the receiver's class, never null
     * @param chosen what the choices chose for it, never null
     */
    synchronized void chosen(OverrideChoices made, Class<?> type, MethodHandle chosen) {
        if (made != choices || dispatchSite == null || !chain.chosen(type, chosen, made.ownBody())) {
            return;
        }
        dispatchSite.setTarget(dispatchTarget());
        MutableCallSite.syncAll(new MutableCallSite[] {dispatchSite});
    }

    /** {@return how many classes the table chose for are tested exactly now, collected ones included} */
    synchronized int classTests() {
        return chain.classTests();
    }

    /** {@return exact-class tests for the declaring class and each overriding one of its loader, then the table} */
    private MethodHandle dispatchTarget() {
        return chain.target(ownSite, choices, otherPackagesOverride());
    }

    /** {@return false while a package-access declaration has package access in the version running} */
    private boolean otherPackagesOverride() {
        return !packageAccess || choosesDeclared;
    }

    static boolean samePackage(Class<?> type, Class<?> other) {
        return type.getClassLoader() == other.getClassLoader() && type.getPackageName().equals(other.getPackageName());
    }

    /** The dispatches of each class's methods, by key, kept as long as the class is. */
    private static final class Registry extends ClassValue<Map<String, OverrideDispatch>> {
        @Override
        protected Map<String, OverrideDispatch> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    }
}
