package dev.reload.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where calls to one class's moved methods are linked: a {@link MutableCallSite} per method, shared by every
 * call site that names it, whose target is the method's current version in the newest companion. The agent
 * stages the methods a reload adds before it redefines the class, and commits after the redefinition took,
 * which also relinks methods moved by earlier reloads; a method a later version dropped keeps its last version.
 *
 * <p>Lives on the boot class path (the agent puts this package there at the first structural edit), so every class loader
 * sees the one copy. Thread-safe.
 */
public final class ClassLinks {
    private static final Registry REGISTRY = new Registry();
    private static final MethodHandle NEW_ERROR = newErrorConstructor();

    private final Class<?> owner;
    private final Map<String, MutableCallSite> sites = new HashMap<>();
    /**
     * For a method a later version made static, or an instance method, under the same name and descriptor: the site
     * of the form it had before, targeting that form's last version, which code from before links to.
     */
    private final Map<String, MutableCallSite> otherForms = new HashMap<>();
    private final Map<String, MethodHandle> implementations = new HashMap<>();
    private final Map<String, MethodHandle> bridges = new HashMap<>();
    /**
     * The dispatch each added method that a reload overrode is called through, by key: the class's own, or the one
     * of the superclass whose added method it overrides. Never removed: a dispatch with no override left runs the
     * own body.
     */
    private final Map<String, OverrideDispatch> dispatches = new HashMap<>();
    /**
     * The new versions of methods linked already, of the version about to land: calls first linked while it lands
     * ({@link #redefining}), the new code's, reach these, while the calls linked before keep the running version until
     * {@link #commit}. Without them, the new code ran a moved method's old body until then.
     */
    private final Map<String, MethodHandle> staged = new HashMap<>();
    /** The sites linked to {@link #staged} versions while the class was being redefined, by key. */
    private final Map<String, MutableCallSite> stagedSites = new HashMap<>();
    private boolean redefining;
    private Function<String, MethodHandle> bridgeMaker;
    private MethodHandles.Lookup lookup;
    private int bridgeClasses;

    private ClassLinks(Class<?> owner) {
        this.owner = owner;
    }

    /** {@return the links of a class, created empty on first use} */
    public static ClassLinks of(Class<?> owner) {
        return REGISTRY.get(Objects.requireNonNull(owner, "owner"));
    }

    /** {@return the class's full-privilege lookup, or null until the agent has set it} */
    public synchronized MethodHandles.Lookup lookup() {
        return lookup;
    }

    /** Records the class's full-privilege lookup, obtained through its load-time accessor. */
    public synchronized void lookup(MethodHandles.Lookup fullPrivilege) {
        this.lookup = Objects.requireNonNull(fullPrivilege, "fullPrivilege");
    }

    /** {@return the number to give the next class of bridges, counting from 1} */
    public synchronized int nextBridgeClassNumber() {
        return ++bridgeClasses;
    }

    /** {@return true when a bridge to the method with this key (name followed by descriptor) exists} */
    public synchronized boolean hasBridge(String key) {
        return bridges.containsKey(key);
    }

    /** Records the bridge (a static method of a named class) that lambdas use as the method's implementation. */
    public synchronized void bridge(String key, MethodHandle bridge) {
        bridges.put(key, bridge);
    }

    /**
     * Sets what makes a bridge the first time one is asked for: a method moved without one, because only a method
     * reference (in this class or another) names it.
     *
     * @param maker gives the bridge for a key, or null when the method was never moved; never null
     */
    public synchronized void bridgeMaker(Function<String, MethodHandle> maker) {
        this.bridgeMaker = Objects.requireNonNull(maker, "maker");
    }

    /** {@return the bridge to the method with this key, made now if it is missing, or null when there is none} */
    public MethodHandle bridgeOrNull(String key) {
        Function<String, MethodHandle> maker;
        synchronized (this) {
            MethodHandle bridge = bridges.get(key);
            if (bridge != null || bridgeMaker == null) {
                return bridge;
            }
            maker = bridgeMaker;
        }
        // Made outside the lock: it defines a class, and class loading must not wait on a lock linking holds.
        MethodHandle made = maker.apply(key);
        if (made == null) {
            return null;
        }
        synchronized (this) {
            MethodHandle raced = bridges.putIfAbsent(key, made);
            return raced != null ? raced : made;
        }
    }

    /**
     * {@return the current version of a method a reload added, or null when no reload added one with this key}
     *
     * @param key the method's name followed by its descriptor, never null
     */
    public synchronized MethodHandle implementation(String key) {
        return implementations.get(key);
    }

    /**
     * Makes methods that no reload has moved before linkable, ahead of the redefinition that starts calling
     * them; methods already linked are left as they are until {@link #commit} (the calls first linked while the class
     * is being redefined reach their new versions, {@link #redefining}).
     *
     * @param movedMethods the implementations by key, static form (receiver first), never null
     */
    public synchronized void stage(Map<String, MethodHandle> movedMethods) {
        // Loops, not lambdas, here and in commit: every structural edit runs them, and each would spin a class.
        for (Map.Entry<String, MethodHandle> each : movedMethods.entrySet()) {
            implementations.putIfAbsent(each.getKey(), each.getValue());
        }
    }

    /**
     * Notes that the class is about to be redefined with a new version: a call linked for the first time from now
     * until {@link #commit} or {@link #withdraw} is the new code's (or old code's, a moment before every call gets the
     * new version), and reaches the new version of a method an earlier reload moved. Taken from the version about to
     * land, not from what was staged: a batch staged and then refused, or left for a later one, stages nothing here.
     *
     * @param movedMethods every moved method of the version about to land, by key, never null
     */
    public synchronized void redefining(Map<String, MethodHandle> movedMethods) {
        redefining = true;
        staged.clear();
        for (Map.Entry<String, MethodHandle> each : movedMethods.entrySet()) {
            MethodHandle linked = implementations.get(each.getKey());
            if (linked != null && linked != each.getValue()) {
                staged.put(each.getKey(), each.getValue());
            }
        }
    }

    /**
     * Forgets the staged versions, because the JVM did not take the redefinition: the calls linked to them meanwhile
     * reach the running versions.
     */
    public synchronized void withdraw() {
        redefining = false;
        staged.clear();
        linkStagedSitesToRunning();
    }

    /**
     * Links every call to the moved methods of the new version, after the class was redefined with it. A method
     * moved before and now dropped stays linked to its last version: code from before may still call it (a frame
     * that was running when the reload landed, a lambda or anonymous object made earlier), and nothing a reload
     * does may throw into the program. Its companion stays alive for as long as it is linked. Called again with the
     * same versions, it changes nothing.
     *
     * @param movedMethods every moved method of the version now running, by key, never null
     */
    public synchronized void commit(Map<String, MethodHandle> movedMethods) {
        redefining = false;
        staged.clear();
        List<MutableCallSite> changed = new ArrayList<>();
        for (Map.Entry<String, MethodHandle> each : movedMethods.entrySet()) {
            String key = each.getKey();
            MethodHandle handle = each.getValue();
            OverrideDispatch dispatch = dispatches.get(key);
            MethodHandle previous = implementations.put(key, handle);
            if (previous == handle) {
                continue;
            }
            if (dispatch == null) {
                relink(key, handle, previous, changed);
            } else if (dispatch.declaredBy(owner)) {
                dispatch.ownBody(handle); // its calls reach the dispatch, which runs this body for the class's own
            } else {
                dispatch.overrideEdited(owner, handle); // a superclass's, whose added method this one overrode
            }
        }
        if (!changed.isEmpty()) {
            MutableCallSite.syncAll(changed.toArray(new MutableCallSite[0]));
        }
        linkStagedSitesToRunning();
    }

    /** Links the sites linked to staged versions to the calls' shared sites, which the next reloads relink. */
    private void linkStagedSitesToRunning() {
        if (stagedSites.isEmpty()) {
            return;
        }
        List<MutableCallSite> relinked = new ArrayList<>();
        for (Map.Entry<String, MutableCallSite> each : stagedSites.entrySet()) {
            MutableCallSite site = each.getValue();
            site.setTarget(site(each.getKey(), site.type()).dynamicInvoker());
            relinked.add(site);
        }
        stagedSites.clear();
        MutableCallSite.syncAll(relinked.toArray(new MutableCallSite[0]));
    }

    /**
     * Makes the method a reload added to this class dispatch on the receiver's class, because a reload overrode it
     * in a subclass: its own body is its current version, and every call linked here, now and later, reaches the
     * dispatch. Nothing changes when it dispatches already, or no reload added it.
     *
     * @param key the method's name followed by its descriptor, never null
     * @return the dispatch, or null when no reload added the method to this class
     */
    public synchronized OverrideDispatch dispatchOwn(String key) {
        OverrideDispatch dispatch = dispatches.get(key);
        MethodHandle implementation = implementations.get(key);
        if (dispatch == null && implementation != null) {
            dispatch = OverrideDispatch.of(owner, key);
            if (!dispatch.dispatching()) {
                dispatch.addedByReload(implementation);
            }
            reachThrough(key, dispatch);
        }
        return dispatch;
    }

    /**
     * Links every call of the method a reload added to this class, now and later, to the dispatch of the method it
     * overrides, which a reload added to a superclass: calls named through this class reach the overrides of its
     * own subclasses too. When they reach the dispatch of a class below that superclass (this one's, made because a
     * reload overrode its added method before the superclass gained it: the reverse order), that dispatch moves into
     * the superclass's with everything linked to it, once the superclass's dispatches.
     *
     * @param key the method's name followed by its descriptor, never null
     * @param declarer the superclass whose added method it overrides, never null
     */
    public void reachThrough(String key, Class<?> declarer) {
        OverrideDispatch above = OverrideDispatch.of(declarer, key).current();
        OverrideDispatch linked;
        synchronized (this) {
            linked = dispatches.get(key);
            if (linked == null) {
                reachThrough(key, above);
                return;
            }
        }
        // Outside this lock: the classes whose calls reach the moving dispatch are redirected under their own.
        if (linked != above && linked.below(above) && above.dispatching()) {
            for (Class<?> reaching : linked.moveTo(above)) {
                of(reaching).redirect(key, linked, above);
            }
            redirect(key, linked, above);
        }
    }

    /** Links the calls of a method that reach {@code from}, a dispatch that moved into {@code to}, to {@code to}. */
    private synchronized void redirect(String key, OverrideDispatch from, OverrideDispatch to) {
        if (dispatches.get(key) == from) {
            reachThrough(key, to);
        }
    }

    private void reachThrough(String key, OverrideDispatch dispatch) {
        dispatch.reachedFrom(owner);
        dispatches.put(key, dispatch);
        MutableCallSite site = sites.get(key);
        if (site != null && dispatch.dispatching()) {
            site.setTarget(dispatch.dispatchSite(site.type()).dynamicInvoker());
            MutableCallSite.syncAll(new MutableCallSite[] {site});
        }
    }

    /** {@return the call site shared by every call to the method with this key, typed as the caller asks} */
    synchronized CallSite site(String key, MethodType type) {
        MethodHandle next = redefining ? staged.get(key) : null;
        if (next != null && !dispatches.containsKey(key) && next.type().parameterCount() == type.parameterCount()) {
            MutableCallSite site = stagedSites.get(key);
            if (site == null) {
                site = new MutableCallSite(next);
                stagedSites.put(key, site);
            }
            return typed(site, type); // the new code's call, linked before the commit
        }
        MutableCallSite earlierForm = otherForms.get(key);
        MethodHandle current = implementations.get(key);
        if (earlierForm != null && current != null && earlierForm.type().parameterCount() == type.parameterCount()
                && current.type().parameterCount() != type.parameterCount()) {
            return typed(earlierForm, type); // code from before, which calls the form the method no longer has
        }
        MutableCallSite site = sites.get(key);
        if (site == null) {
            MethodHandle implementation = implementations.get(key);
            OverrideDispatch dispatch = dispatches.get(key);
            MethodHandle target = dispatch != null && dispatch.dispatching()
                    ? dispatch.dispatchSite(implementation != null ? implementation.type() : type).dynamicInvoker()
                    : implementation != null ? implementation
                    : throwing(type, key + " is not linked: no reload has added it to " + owner.getName());
            site = new MutableCallSite(target.type());
            site.setTarget(target);
            sites.put(key, site);
        }
        return typed(site, type);
    }

    private static CallSite typed(MutableCallSite site, MethodType type) {
        return site.type().equals(type) ? site : new MutableCallSite(site.dynamicInvoker().asType(type));
    }

    private void relink(String key, MethodHandle handle, MethodHandle previous, List<MutableCallSite> changed) {
        MutableCallSite site = sites.get(key);
        if (previous != null && previous.type().parameterCount() != handle.type().parameterCount()) {
            // Made static, or an instance method, under the same name and descriptor (a removal and an addition):
            // calls of the form it had, linked before or from now on (code from before), reach that form's last
            // version; calls of the new form get a site of their own, or the one they had before it last changed
            // form, which now reaches the new version.
            MutableCallSite returning = otherForms.remove(key);
            otherForms.put(key, site != null ? site : new MutableCallSite(previous));
            if (returning != null) {
                returning.setTarget(handle.asType(returning.type()));
                changed.add(returning);
                sites.put(key, returning);
            } else {
                sites.remove(key);
            }
        } else if (site != null && site.type().parameterCount() != handle.type().parameterCount()) {
            sites.remove(key); // linked before any version had the method: it keeps what it was linked to
        } else if (site != null) {
            site.setTarget(handle.asType(site.type()));
            changed.add(site);
        }
    }

    /** {@return a method handle of the given type that throws a new {@link NoSuchMethodError} with the message} */
    static MethodHandle throwing(MethodType type, String message) {
        MethodHandle create = MethodHandles.insertArguments(NEW_ERROR, 0, message);
        MethodHandle thrower = MethodHandles.throwException(type.returnType(), NoSuchMethodError.class);
        MethodHandle ignoringArguments = MethodHandles.dropArguments(thrower, 1, type.parameterList());
        return MethodHandles.foldArguments(ignoringArguments, create);
    }

    private static MethodHandle newErrorConstructor() {
        try {
            return MethodHandles.publicLookup().findConstructor(NoSuchMethodError.class,
                    MethodType.methodType(void.class, String.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One {@link ClassLinks} per class, kept as long as the class is. */
    private static final class Registry extends ClassValue<ClassLinks> {
        @Override
        protected ClassLinks computeValue(Class<?> type) {
            return new ClassLinks(type);
        }
    }
}
