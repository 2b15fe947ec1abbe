package dev.reload.agent.reload;

import dev.reload.agent.watch.ChangedFile;
import dev.reload.patcher.shape.ClassShape;

/**
 * A changed class file that parses, names the class its path promises and that this JVM can load.
 *
 * @param file the file and its bytes, never null
 * @param shape what the bytes declare, never null
 */
public record ParsedFile(ChangedFile file, ClassShape shape) {
}
