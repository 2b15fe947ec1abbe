package dev.reload.agent.reload;

import dev.reload.agent.watch.ChangeBatch;
import dev.reload.agent.watch.ChangeCollector;
import dev.reload.agent.watch.ChangedFile;
import dev.reload.patcher.diff.Verdict;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The files of refused saves that a later save may make acceptable: a class held back with a refused one, a class
 * using a member that a refused file declares, an interface whose new method a class of another build lacked. Once a
 * batch applies, each is read again, once for the content that was refused: what the batch changed may lift its
 * refusal, and an IDE that compiles only the mended file writes none of them again. So are they once the refused
 * class is written back as it runs (the refused edit undone). A class refused for its own change (its superclass, its
 * interfaces) waits for its own next write. Used by the reload thread only.
 */
final class RefusedFiles {
    private final ChangeCollector collector;
    /** The files waiting to be read again, by file. */
    private final Map<Path, ChangedFile> waiting = new LinkedHashMap<>();
    /** The content each file had when it was read again: refused once more, it waits for its next write. */
    private final Map<Path, Long> readAgain = new HashMap<>();

    RefusedFiles(ChangeCollector collector) {
        this.collector = collector;
    }

    /** Notes the files of a refused batch that another class's save may make acceptable. */
    void refused(ChangeBatch batch, Judgement judgement) {
        Set<Path> ownChange = new HashSet<>();
        for (JudgedClass judged : judgement.classes()) {
            if (judged.verdict().kind() == Verdict.Kind.REJECTED) {
                ownChange.add(judged.file().file().file());
            }
        }
        for (ChangedFile file : batch.files()) {
            Long again = readAgain.get(file.file());
            if (!ownChange.contains(file.file()) && (again == null || again != file.hash())) {
                waiting.put(file.file(), file);
            }
        }
    }

    /**
     * Has the waiting files read again, but those the batch wrote: it applied what they hold now, or changed nothing
     * (a refused class written back as it runs).
     */
    void applied(ChangeBatch batch) {
        for (ChangedFile file : batch.files()) {
            waiting.remove(file.file());
        }
        for (ChangedFile file : waiting.values()) {
            readAgain.put(file.file(), file.hash());
            collector.recheck(file.root(), file.file(), Duration.ZERO);
        }
        waiting.clear();
    }
}
