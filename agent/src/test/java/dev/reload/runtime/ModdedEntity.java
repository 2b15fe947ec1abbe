package dev.reload.runtime;

/**
 * A subclass that {@link OverrideDispatchTest} loads with a class loader of its own, like a mod's, and whose
 * override a reload added. A top-level class, so that its copy in that loader has no outer class to agree with.
 */
public class ModdedEntity extends OverrideDispatchTest.Entity {
    /** {@return what the added override does}, in its static form */
    public static String update(ModdedEntity self) {
        return "modded";
    }
}
