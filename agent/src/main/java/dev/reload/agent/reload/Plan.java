package dev.reload.agent.reload;

import dev.reload.agent.structural.PreparedRewrite;
import dev.reload.patcher.shape.MemberKey;

import java.lang.instrument.ClassDefinition;
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
        return classes.stream().filter(PlannedClass.Rewritten.class::isInstance)
                .map(planned -> ((PlannedClass.Rewritten) planned).rewrite()).toList();
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
        return classes.stream().map(PlannedClass::definition).toArray(ClassDefinition[]::new);
    }
}
