package dev.reload.agent.index;

/**
 * A class the JVM has loaded from a watched directory, with what the agent captured about it.
 *
 * @param type the loaded class, never null
 * @param captured what the agent knows about the bytes it runs, never null
 */
public record LoadedClass(Class<?> type, CapturedClass captured) {
}
