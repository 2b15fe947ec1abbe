package dev.reload.agent.compile;

/**
 * A class file javac wrote into memory.
 *
 * @param internalName the class's internal name, such as {@code demo/Player$1}, never null
 * @param bytes the class file, never null; not to be modified
 */
public record CompiledClass(String internalName, byte[] bytes) {
}
