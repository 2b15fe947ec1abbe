package dev.reload.agent.reload;

import dev.reload.agent.structural.PreparedRewrite;
import dev.reload.patcher.shape.MemberKey;

import java.lang.instrument.ClassDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch ready to redefine: one entry per changed class, each carrying its own definition, in the batch's order.
 *
 * @param classes the changed classes with what will be done to each, never null
 */
record Plan(List<PlannedClass> classes) {
    Plan {
        classes = List.copyOf(classes);
    }

    /** {@return what the engine prepared for the classes it rewrote, to tell it once the redefinition took} */
    List<PreparedRewrite> rewrites() {
        // Loops here and below: every save runs them, and a stream or a lambda leaves classes and compiled JDK code
        // in the program that every later redefinition walks.
        List<PreparedRewrite> rewrites = new ArrayList<>();
        for (PlannedClass planned : classes) {
            if (planned instanceof PlannedClass.Rewritten rewritten) {
                rewrites.add(rewritten.rewrite());
            }
        }
        return List.copyOf(rewrites);
    }

    /**
     * {@return for each class that adds overrides, the class declaring what each overrides, by the override's key}
     */
    Map<Class<?>, Map<MemberKey, Class<?>>> addedOverrides() {
        Map<Class<?>, Map<MemberKey, Class<?>>> overrides = new HashMap<>();
        for (PreparedRewrite rewrite : rewrites()) {
            if (!rewrite.addedOverrides().isEmpty()) {
                overrides.put(rewrite.definition().getDefinitionClass(), rewrite.addedOverrides());
            }
        }
        return overrides;
    }

    /** {@return the definitions of one {@code redefineClasses} call, one per class} */
    ClassDefinition[] definitions() {
        ClassDefinition[] definitions = new ClassDefinition[classes.size()];
        for (int i = 0; i < definitions.length; i++) {
            definitions[i] = classes.get(i).definition();
        }
        return definitions;
    }
}
