/**
 * {@code OnReload} hooks: static methods a program marks to run after a reload that touched their class.
 *
 * <p>{@link dev.reload.agent.hook.HookMethods} finds them in the class file (any annotation whose simple name is
 * {@code OnReload}, of any retention, so a program declares its own and needs no dependency on the agent);
 * {@link dev.reload.agent.hook.HookRunner} runs them one after the other on a thread of their own, reports a hook
 * that throws without stopping the others, and goes on without one that is still running after
 * {@link dev.reload.agent.hook.HookRunner#PATIENCE}. A hook the edit itself added lives in the class's companion
 * and is called there.
 *
 * <p>Uses ASM (to read annotations without loading anything), {@code java.lang.reflect} and
 * {@code java.lang.invoke} (to call the hook), {@link dev.reload.runtime} (through
 * {@link dev.reload.agent.structural.RuntimeJar}, only once it is on the boot class path) and
 * {@link dev.reload.agent.report}.
 */
package dev.reload.agent.hook;
