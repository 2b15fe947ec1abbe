package dev.reload.runtime;

import java.lang.invoke.MethodHandles;

/**
 * A subclass that {@link OverrideDispatchTest} and {@link ModLoaderTest} load with a class loader of its own, like a
 * mod's, and whose override a reload added. A top-level class, so that its copy in that loader has no outer class to agree with.
 */
public class ModdedEntity extends OverrideDispatchTest.Entity {
    /** {@return what the added override does}, in its static form */
    public static String update(ModdedEntity self) {
        return "modded";
    }

    /** {@return a full-privilege lookup of this class, as the accessor the agent adds to a watched class gives} */
    public static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
    }
}
