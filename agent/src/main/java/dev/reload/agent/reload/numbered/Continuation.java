package dev.reload.agent.reload.numbered;

import java.nio.file.Path;

/**
 * Which class file continues a running numbered class of one loader once a batch that renumbered anonymous classes
 * took.
 *
 * @param loader the class's defining loader, never null
 * @param internalName the running class's internal name, never null
 * @param file the file whose versions it takes from now on, or null when no file continues it
 */
public record Continuation(ClassLoader loader, String internalName, Path file) {
}
