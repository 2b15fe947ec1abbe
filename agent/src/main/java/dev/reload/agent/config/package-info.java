/**
 * The agent's options, parsed once at start into an immutable {@link dev.reload.agent.config.AgentConfig}.
 *
 * <p>{@link dev.reload.agent.config.OptionParser} reads {@code -javaagent:reload-agent.jar=key=value,...} and the
 * system properties {@code -Dreload.key=value} (agent arguments win); an unknown key or a bad value is a
 * {@link dev.reload.agent.config.BadOptionException} whose message is the one line the user sees.
 * {@link dev.reload.agent.config.LogLevel} says where report lines go.
 *
 * <p>Uses the JDK only ({@code java.util}, {@code java.nio.file}, {@code java.time}); every other package that
 * needs a setting reads it from the config record.
 */
package dev.reload.agent.config;
