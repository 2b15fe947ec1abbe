package dev.reload.agent.reload.numbered;

import java.nio.file.Path;

/**
 * A numbered class file of a batch ({@code Outer$N}: an anonymous class, a switch map) that no running class
 * continues, in a nest whose anonymous classes were renumbered. It is defined in the outer class's loader before
 * the batch is redefined, so that the outer's new code never runs before the class exists: under the file's own
 * name, or under a spare name of the nest when a running class holds the file's name.
 *
 * @param host the running outer class, whose loader, package and nest the class joins, never null
 * @param fileName the internal name its file has, such as {@code demo/Hud$1}, never null
 * @param definedAs the internal name it is defined under, such as {@code demo/Hud$9}, never null
 * @param classFile its class file with the batch's renaming applied, never null; not to be modified
 * @param file the class file it comes from, never null
 */
public record NewNumberedClass(Class<?> host, String fileName, String definedAs, byte[] classFile, Path file) {
}
