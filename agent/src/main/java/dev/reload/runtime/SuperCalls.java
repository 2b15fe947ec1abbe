package dev.reload.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The super calls linked to one {@link OverrideDispatch}: each names a class, and once the declaration dispatches its
 * site targets what the dispatch's choices choose for that class, never the dispatch, which would choose the
 * caller's override again. Apart from the dispatch because these sites belong to the callers and are retargeted as a
 * group, whenever the choices are made anew, and handed over whole when the dispatch moves into a superclass's.
 *
 * <p>Lives on the boot class path with the rest of the runtime. Not thread-safe: its dispatch calls it only holding
 * the dispatch's lock, which guards it; the calls a moving dispatch takes are held by that move alone until the
 * dispatch it moves into takes them over under its own lock.
 */
final class SuperCalls {
    private final List<SuperCall> calls = new ArrayList<>();

    /** {@return true when no super call was linked here, or all were handed over} */
    boolean isEmpty() {
        return calls.isEmpty();
    }

    /**
     * Records a super call linked here, to retarget with the choices from now on.
     *
     * @param named the class the call names, never null
     * @param site the call's site, never null
     */
    void add(Class<?> named, MutableCallSite site) {
        calls.removeIf(SuperCall::gone);
        calls.add(new SuperCall(new WeakReference<>(named), new WeakReference<>(site)));
    }

    /** {@return the super calls linked here, which this no longer holds: a dispatch that moves hands them over} */
    SuperCalls takeAll() {
        SuperCalls taken = new SuperCalls();
        taken.calls.addAll(calls);
        calls.clear();
        return taken;
    }

    /** Takes over the super calls another held, to retarget with the choices of this one's dispatch. */
    void addAll(SuperCalls handedOver) {
        calls.addAll(handedOver.calls);
    }

    /**
     * Retargets each super call to what the choices choose for the class it names.
     *
     * @param choices the dispatch's current choices, never null
     * @param changed the sites to sync, to which each site retargeted is added
     */
    void retarget(OverrideChoices choices, List<MutableCallSite> changed) {
        calls.removeIf(SuperCall::gone);
        for (SuperCall call : calls) {
            Class<?> named = call.named.get();
            MutableCallSite site = call.site.get();
            if (named != null && site != null) {
                site.setTarget(typedFor(choices.chosenFor(named), site.type()));
                changed.add(site);
            }
        }
    }

    /**
     * {@return the handle converted to a super call's type, which names the caller's class}: converted through a
     * handle of its own, since a handle remembers its last conversion (JDK 17's {@code asTypeCache}), and the own
     * body a dispatch keeps would then keep the caller's class, and its loader, for as long as the dispatch lives
     */
    static MethodHandle typedFor(MethodHandle chosen, MethodType type) {
        return MethodHandles.insertArguments(MethodHandles.exactInvoker(chosen.type()), 0, chosen).asType(type);
    }

    /**
     * A super call linked here: the class it names and its site, both weakly, since the caller may belong to a
     * loader the program drops. Once the declaration dispatches the site is only ever retargeted to a choice.
     */
    private record SuperCall(WeakReference<Class<?>> named, WeakReference<MutableCallSite> site) {
        boolean gone() {
            return named.get() == null || site.get() == null;
        }
    }
}
