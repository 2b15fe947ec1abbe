package dev.reload.agent.api;

import java.util.List;

/**
 * One class of a reload batch.
 *
 * @param binaryName the class's binary name, such as {@code demo.Player}, never null
 * @param changedMethods the simple names of the methods whose bodies changed, in class-file order, never
 *     null; empty when only debug information (line numbers) changed
 */
public record ReloadedClass(String binaryName, List<String> changedMethods) {
    public ReloadedClass {
        changedMethods = List.copyOf(changedMethods);
    }

    /** {@return the class as report lines name it: {@code demo.Player (update, render)}} */
    public String describe() {
        return changedMethods.isEmpty() ? binaryName : binaryName + " (" + String.join(", ", changedMethods) + ")";
    }
}
