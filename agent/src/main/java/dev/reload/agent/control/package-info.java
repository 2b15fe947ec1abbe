/**
 * What tools may ask of the running agent: {@link dev.reload.agent.control.AgentControl} pauses applying changes,
 * resumes (what changed meanwhile is read again and applied as one batch) and rescans every watched file.
 * The reload loop asks it whether to hold each batch; tools reach it through JMX
 * ({@link dev.reload.agent.jmx.ReloadAgentMXBean}).
 *
 * <p>Uses {@link dev.reload.agent.watch} (to hold and release batches and to rescan) and
 * {@link dev.reload.agent.compile} (to rescan sources); thread-safe, called from any thread.
 */
package dev.reload.agent.control;
