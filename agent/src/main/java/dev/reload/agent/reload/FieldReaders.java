package dev.reload.agent.reload;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The loaded watched classes whose class files name one of some static fields, found by {@link CompiledReaders#search}
 * on the reload thread before a batch is applied. The deoptimization that follows the batch's new values then reads
 * no class file: with 5,000 classes loaded that read took a quarter of a second and more, on the game's thread when
 * the batch applies at its sync point.
 */
final class FieldReaders {
    /** A search for nothing: every name is looked for when it is asked for. */
    static final FieldReaders NONE = new FieldReaders(Set.of(), List.of(), Map.of(), Set.of());
    private final Set<String> names;
    private final List<String> prefixes;
    private final Map<String, Set<Class<?>>> readersByName;
    private final Set<Class<?>> unread;

    /**
     * @param names the field names looked for, never null
     * @param prefixes the beginnings of field names looked for, never null
     * @param readersByName the classes found naming each name, never null
     * @param unread the watched classes whose files could not be read, taken to name every field, never null
     */
    FieldReaders(Set<String> names, List<String> prefixes, Map<String, Set<Class<?>>> readersByName,
                 Set<Class<?>> unread) {
        this.names = names;
        this.prefixes = prefixes;
        this.readersByName = readersByName;
        this.unread = unread;
    }

    /** {@return true when the search looked for this field name} */
    boolean covers(String name) {
        if (names.contains(name)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds the classes found naming any of the fields, and those whose files could not be read, which may name any.
     *
     * @param fieldNames field names, never null
     * @param readers where the classes go, never null
     */
    void addReaders(Set<String> fieldNames, Set<Class<?>> readers) {
        readers.addAll(unread);
        for (String name : fieldNames) {
            readers.addAll(readersByName.getOrDefault(name, Set.of()));
        }
    }

    /** {@return the names among {@code fieldNames} that the search did not look for} */
    Set<String> notCovered(Set<String> fieldNames) {
        Set<String> missing = new LinkedHashSet<>();
        for (String name : fieldNames) {
            if (!covers(name)) {
                missing.add(name);
            }
        }
        return missing;
    }
}
