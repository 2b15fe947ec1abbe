package dev.reload.agent.reload;

/**
 * A class of a batch the JVM redefined, with the class file it runs now.
 *
 * @param planned the class and what was done to it, never null
 * @param running the class file the JVM runs now: the one asked for, or what another agent's transformer made
 *                of it; never null
 * @param changedByOtherAgent true when another agent's transformer changed the bytes on their way in
 */
record RedefinedClass(PlannedClass planned, byte[] running, boolean changedByOtherAgent) {
}
