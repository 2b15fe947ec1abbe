package dev.reload.agent.api;

import java.util.List;

/**
 * One class of a reload batch.
 *
 * @param binaryName the class's binary name, such as {@code demo.Player}, never null
 * @param changedMethods the simple names of the methods whose bodies changed, in class-file order, never
 *     null; empty when only debug information (line numbers) changed
 * @param edits the other edits in words, such as {@code lambda added in update()}, {@code method added: int
 *     heal(int)} or {@code static initializer changed: not re-run}, never null; empty for body changes only
 */
public record ReloadedClass(String binaryName, List<String> changedMethods, List<String> edits) {
    public ReloadedClass {
        changedMethods = List.copyOf(changedMethods);
        edits = List.copyOf(edits);
    }

    /** Makes a class whose method bodies changed, and nothing else. */
    public ReloadedClass(String binaryName, List<String> changedMethods) {
        this(binaryName, changedMethods, List.of());
    }

    /** {@return the class as report lines name it: {@code demo.Player (update, render, method added: void jump())}} */
    public String describe() {
        StringBuilder described = new StringBuilder();
        describeTo(described);
        return described.toString();
    }

    /** Appends what {@link #describe()} returns, without a string of its own. */
    void describeTo(StringBuilder described) {
        described.append(binaryName);
        if (changedMethods.isEmpty() && edits.isEmpty()) {
            return;
        }
        described.append(" (");
        appendAll(described, changedMethods);
        if (!changedMethods.isEmpty() && !edits.isEmpty()) {
            described.append(", ");
        }
        appendAll(described, edits);
        described.append(')');
    }

    private static void appendAll(StringBuilder described, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            described.append(i == 0 ? "" : ", ").append(names.get(i));
        }
    }
}
