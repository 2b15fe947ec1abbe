package dev.reload.agent.reload;

import dev.reload.agent.reload.numbered.Continuation;
import dev.reload.agent.reload.numbered.NewNumberedClass;
import dev.reload.patcher.rewrite.Refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What judging a batch against what runs decided: every loaded class with its verdict, and, when anonymous classes
 * were renumbered, the classes to define first, the files each running class continues once the batch took, and
 * the words the report uses for them.
 *
 * @param classes every loaded class of the batch, judged against the file that continues it, never null
 * @param newClasses the classes to define before the redefinition, never null
 * @param continuations what to record once the batch took, never null
 * @param words internal name of a new class (or of a running class that a file of another name continues) to the
 *              words a report line says for it, never null
 * @param refusals why the batch cannot be applied; empty when it can
 */
public record Judgement(List<JudgedClass> classes, List<NewNumberedClass> newClasses,
                 List<Continuation> continuations, Map<String, String> words, List<Refusal> refusals) {
    public Judgement {
        classes = List.copyOf(classes);
        newClasses = List.copyOf(newClasses);
        continuations = List.copyOf(continuations);
        words = Map.copyOf(words);
        refusals = List.copyOf(refusals);
    }

    /** {@return the classes as they are, with nothing renumbered} */
    public static Judgement of(List<JudgedClass> classes) {
        return new Judgement(classes, List.of(), List.of(), Map.of(), List.of());
    }

    /** {@return the classes whose new file changes anything they run, in the batch's order} */
    public List<JudgedClass> changed() {
        // A loop, not a stream: every save asks, and a stream pipeline leaves compiled JDK code in the program.
        List<JudgedClass> changed = new ArrayList<>(classes.size());
        for (JudgedClass judged : classes) {
            if (judged.changed()) {
                changed.add(judged);
            }
        }
        return List.copyOf(changed);
    }

    /** {@return this judgement with more reasons the batch cannot be applied} */
    public Judgement refusing(List<Refusal> more) {
        List<Refusal> all = new ArrayList<>(refusals);
        all.addAll(more);
        return new Judgement(classes, newClasses, continuations, words, all);
    }
}
