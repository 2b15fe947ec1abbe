/**
 * The agent's entry points and wiring: what the JVM calls, and what it hands off to.
 *
 * <p>{@link dev.reload.agent.ReloadAgent} is the {@code Premain-Class} and {@code Agent-Class}: it parses the
 * options into an {@link dev.reload.agent.config.AgentConfig} and hands off, or, on a bad option, prints one line
 * and leaves the program alone. {@code AgentRuntime} wires the parts: the capture of loaded
 * classes ({@link dev.reload.agent.index}), the watchers ({@link dev.reload.agent.watch}), JMX and JFR once the
 * program starts them, and the reload thread, whose loop is {@code ReloadLoop}: take a batch
 * from the {@link dev.reload.agent.watch.ChangeCollector}, compile it first in compile mode, and give it to the
 * {@link dev.reload.agent.reload.Reloader}. Every thread started here is a daemon, and every step runs inside
 * {@link dev.reload.agent.report.Contained}, so the agent never keeps the program alive or takes it down.
 *
 * <p>May use every other package of the agent and {@code java.lang.instrument}; nothing else of the agent
 * depends on this package but the {@code attach} command, which names the agent class it loads.
 */
package dev.reload.agent;
