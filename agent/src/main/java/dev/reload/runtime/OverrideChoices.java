package dev.reload.runtime;

import java.lang.invoke.MethodHandle;

/**
 * For each receiver class, what the overrides of one {@link OverrideDispatch} at one moment choose, typed as the
 * own body: made anew whenever an override comes or goes. Lives on the boot class path with the rest of the
 * runtime. Thread-safe.
 */
final class OverrideChoices extends ClassValue<MethodHandle> {
    private final OverrideDispatch dispatch;
    private final Class<?> declarer;
    private final Overrides overrides;
    private final MethodHandle ownBody;
    /** The method's name, to find the classes' own implementations of a method a reload added; or null. */
    private final String declaredName;

    /** False to skip the overrides a reload added to classes of packages other than the declarer's. */
    private final boolean otherPackages;

    OverrideChoices(OverrideDispatch dispatch, Class<?> declarer, Overrides overrides, MethodHandle ownBody,
                    String declaredName, boolean otherPackages) {
        this.dispatch = dispatch;
        this.declarer = declarer;
        this.overrides = overrides;
        this.ownBody = ownBody;
        this.declaredName = declaredName;
        this.otherPackages = otherPackages;
    }

    /** {@return the declaration's own body, in its static form, the receiver first} */
    MethodHandle ownBody() {
        return ownBody;
    }

    /** Chooses for a receiver's class, once per class, which may get a test of its own. */
    @Override
    protected MethodHandle computeValue(Class<?> type) {
        MethodHandle chosen = chosenFor(type);
        dispatch.chosen(this, type, chosen);
        return chosen;
    }

    /** {@return what the overrides choose for objects of a class, or for a super call naming it} */
    MethodHandle chosenFor(Class<?> type) {
        for (Class<?> each = type; each != null && each != declarer; each = each.getSuperclass()) {
            MethodHandle override = otherPackages || OverrideDispatch.samePackage(each, declarer)
                    ? overrides.get(each).override : null;
            if (override == null && declaredName != null) {
                override = Implementations.declared(each, declaredName, ownBody.type());
            }
            if (override != null) {
                return override.asType(ownBody.type());
            }
        }
        return ownBody;
    }

    /** The override a reload added to each class, on the class itself: gone with the class. */
    static final class Overrides extends ClassValue<OverrideSlot> {
        @Override
        protected OverrideSlot computeValue(Class<?> type) {
            return new OverrideSlot();
        }
    }

    /** One class's override, in its static form; null when it has none. Written under the dispatch's lock. */
    static final class OverrideSlot {
        volatile MethodHandle override;
    }
}
