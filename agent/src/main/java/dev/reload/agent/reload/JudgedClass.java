package dev.reload.agent.reload;

import dev.reload.agent.index.LoadedClass;
import dev.reload.patcher.diff.Verdict;

/**
 * One loaded class of a batch, in one class loader, with its new class file and the patcher's verdict on it.
 *
 * @param loaded the running class, never null
 * @param file the new class file, never null
 * @param verdict what the change from the running class (as its developer wrote it) to the new file is, never null
 * @param takesNewMembers true when the class was prepared at load, so that members can be added and removed
 */
public record JudgedClass(LoadedClass loaded, ParsedFile file, Verdict verdict, boolean takesNewMembers) {
    /** {@return true when the new file changes anything the class runs} */
    public boolean changed() {
        return verdict.kind() != Verdict.Kind.UNCHANGED;
    }

    /** {@return the running class} */
    public Class<?> type() {
        return loaded.type();
    }
}
