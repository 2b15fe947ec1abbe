package dev.reload.agent.reload;

import dev.reload.agent.reload.numbered.NewNumberedClass;
import dev.reload.agent.structural.NestmateDefiner;
import dev.reload.agent.structural.StructuralEngine;
import dev.reload.agent.structural.StructuralLinkException;

import java.util.List;
import java.util.Optional;

/**
 * Defines the new numbered classes of a batch whose anonymous classes were renumbered, each in its outer class's
 * loader through the outer's own lookup, with its calls to methods the batch moves linked. Runs after planning and
 * before the redefinition: the new classes exist before the new code that names them runs (a failed resolution
 * would stick). Used by the reload thread only.
 */
final class NewClassDefiner {
    private final StructuralEngine engine;

    NewClassDefiner(StructuralEngine engine) {
        this.engine = engine;
    }

    /**
     * {@return why one of the classes could not be defined, or empty when all were}
     *
     * @param newClasses the classes to define, never null
     * @param plan the batch, planned, never null
     */
    Optional<String> define(List<NewNumberedClass> newClasses, Plan plan) {
        for (NewNumberedClass newClass : newClasses) {
            try {
                NestmateDefiner.define(newClass.host(), engine.linkCalls(newClass.classFile(),
                        newClass.host().getClassLoader(), plan.rewrites()));
            } catch (StructuralLinkException e) {
                return Optional.of(e.getMessage() + ": " + newClass.definedAs().replace('/', '.') + " from the file "
                        + newClass.file().getFileName());
            }
        }
        return Optional.empty();
    }
}
