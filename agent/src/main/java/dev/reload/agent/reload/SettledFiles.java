package dev.reload.agent.reload;

import java.util.List;

/**
 * The files of a batch once their writes settled, or the news that a compile is still writing them.
 *
 * @param ready the files to judge, each parsed and naming the class its path promises, never null
 * @param stillBeingWritten true when a file did not parse and may still be being written: the whole batch is
 *                          looked at again once the writes settle, and nothing is judged now
 */
record SettledFiles(List<ParsedFile> ready, boolean stillBeingWritten) {
    SettledFiles {
        ready = List.copyOf(ready);
    }

    /** {@return true when there is something to judge now} */
    boolean anyReady() {
        return !stillBeingWritten && !ready.isEmpty();
    }
}
