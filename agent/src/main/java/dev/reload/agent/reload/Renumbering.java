package dev.reload.agent.reload;

import dev.reload.patcher.rewrite.Refusal;

import java.util.List;
import java.util.Map;

/**
 * What following a batch's numbered classes by their code decided: the candidates to redefine (with the classes'
 * new bytes renamed so each file names the running class that continues it), the classes to define first, the
 * files each running class continues once the batch took, and the words the report uses for them.
 *
 * @param candidates the batch's candidates, never null
 * @param newClasses the classes to define before the redefinition, never null
 * @param continuations what to record once the batch took, never null
 * @param words internal name of a new class (or of a running class that a file of another name continues) to the
 *              words a report line says for it, never null
 * @param refusals why the batch cannot be applied; empty when it can
 */
record Renumbering(List<Candidate> candidates, List<NewNumberedClass> newClasses,
                   List<FileContinuation> continuations, Map<String, String> words, List<Refusal> refusals) {
    Renumbering {
        candidates = List.copyOf(candidates);
        newClasses = List.copyOf(newClasses);
        continuations = List.copyOf(continuations);
        words = Map.copyOf(words);
        refusals = List.copyOf(refusals);
    }

    /** {@return the candidates as they are, with nothing renumbered} */
    static Renumbering none(List<Candidate> candidates) {
        return new Renumbering(candidates, List.of(), List.of(), Map.of(), List.of());
    }
}
