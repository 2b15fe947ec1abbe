/**
 * {@code OnReload} hooks: static methods a program marks to run after a reload that touched their class.
 *
 * <p>{@link dev.reload.agent.hook.HookMethods} finds them in the class file (any annotation whose simple name is
 * {@code OnReload}, of any retention, so a program declares its own and needs no dependency on the agent);
 * {@link dev.reload.agent.hook.HookRunner} runs them on the reload thread, one after the other, and reports a
 * hook that throws without stopping the others.
 *
 * <p>Uses ASM (to read annotations without loading anything), {@code java.lang.reflect} (to call the hook) and
 * {@link dev.reload.agent.report}.
 */
package dev.reload.agent.hook;
