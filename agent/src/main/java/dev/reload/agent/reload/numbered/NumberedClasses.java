package dev.reload.agent.reload.numbered;

import dev.reload.agent.index.LoadedClass;
import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.agent.reload.JudgedClass;
import dev.reload.agent.reload.Judgement;
import dev.reload.agent.reload.ParsedFile;
import dev.reload.patcher.shape.ClassShape;

import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Follows a batch's numbered classes ({@code Outer$N}: anonymous classes, enum switch maps) by their code, so that
 * each running numbered class keeps running its own code when inserting an anonymous class before it renumbered
 * the files. Used by the reload thread only.
 */
public interface NumberedClasses {
    /**
     * {@return the judgement of the batch, with every running numbered class judged against the file that holds its
     * code (renamed to the running class's name), the new numbered classes to define first, the files each running
     * class continues once the batch took, and why the batch cannot be applied when a new class has no name left}
     * A batch without numbered classes, in a program where nothing was ever renumbered, gives the classes as they
     * are.
     *
     * @param classes the batch's loaded classes, each judged against the file of its own name, never null
     * @param files every settled file of the batch, never null
     * @param baselines what a running class is judged against (empty when it cannot be read), never null
     * @param judge judges a running class against a (renamed) file, never null
     */
    Judgement follow(List<JudgedClass> classes, List<ParsedFile> files,
                     Function<LoadedClass, Optional<ClassShape>> baselines,
                     BiFunction<LoadedClass, ParsedFile, JudgedClass> judge);

    /**
     * {@return numbered classes followed by their code, remembering in {@code index} which file continues which
     * class}
     *
     * @param index the classes loaded from watched directories, never null
     * @param instrumentation finds the class objects the index does not know yet, never null
     */
    static NumberedClasses following(LoadedClassIndex index, Instrumentation instrumentation) {
        return new NumberedClassFollower(index, instrumentation);
    }
}
