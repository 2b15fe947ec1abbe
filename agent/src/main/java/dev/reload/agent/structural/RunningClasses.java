package dev.reload.agent.structural;

import dev.reload.patcher.shape.ClassShape;

/**
 * What the agent knows of the watched classes as they run, for following a member named through a subclass up to
 * the class that added it: a call {@code enemy.heal()} names {@code Enemy.heal} even when a reload added
 * {@code heal()} to its superclass.
 */
@FunctionalInterface
public interface RunningClasses {
    /** Knows no class: members are linked only where the instruction names the class that added them. */
    RunningClasses NONE = (loader, internalName) -> null;

    /**
     * {@return the shape of the class as the JVM runs it now, with its members' names where they can be had, or null
     * when no watched class of that name is loaded in {@code loader} or its ancestors}
     *
     * @param loader the loader the name is seen from, or null for the boot loader
     * @param internalName the class's internal name, never null
     */
    ClassShape running(ClassLoader loader, String internalName);
}
