/**
 * The MBean {@code dev.reload:type=Agent}: counts, the last report and the controls of
 * {@link dev.reload.agent.control.AgentControl}, as {@link dev.reload.agent.jmx.ReloadAgentMXBean}.
 *
 * <p>{@link dev.reload.agent.jmx.ReloadAgentBean} counts from the start and uses nothing of JMX;
 * {@link dev.reload.agent.jmx.BeanRegistration} registers it once the program or a tool has created the platform
 * MBean server. The agent never starts JMX itself.
 *
 * <p>Uses {@code javax.management} and {@code java.lang.management} (module {@code java.management}: touch
 * {@link dev.reload.agent.jmx.BeanRegistration} only where it is loaded), {@link dev.reload.agent.api},
 * {@link dev.reload.agent.control}, {@link dev.reload.agent.watch} and {@link dev.reload.agent.report}.
 */
package dev.reload.agent.jmx;
