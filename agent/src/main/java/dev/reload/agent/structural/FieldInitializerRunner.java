package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.InitializerUpdate;
import dev.reload.patcher.shape.MemberKey;
import dev.reload.runtime.AddedFields;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs, once, the initializers of the static fields an applied batch added (the default; not with {@code clinit=none}): each
 * was taken out of the new static initializer into the companion. A field keeps its storage across later reloads,
 * so its initializer runs for the reload that adds it and never again. The fields of a class whose changed
 * initializers run after the batch are left to them ({@link InitializerUpdate#added()}): there each runs in the static
 * initializer's order, reading the new values of the fields before it.
 */
final class FieldInitializerRunner {
    private FieldInitializerRunner() {
    }

    /**
     * {@return one line for each initializer that did not run as written: it threw, or could not be taken out}
     *
     * @param batch the batch the JVM took, never null
     * @param changedInitializers the changed initializers that run after the batch, by class; never null
     */
    static List<String> run(List<PreparedRewrite> batch, Map<Class<?>, InitializerUpdate> changedInitializers) {
        List<String> notes = new ArrayList<>();
        for (PreparedRewrite rewrite : batch) {
            Class<?> owner = rewrite.definition().getDefinitionClass();
            InitializerUpdate update = changedInitializers.get(owner);
            List<MemberKey> runLater = update == null ? List.of() : update.added();
            AddedFields fields = AddedFields.of(owner);
            for (MemberKey key : rewrite.rewrite().inseparableFields()) {
                if (claim(fields, key)) {
                    notes.add(owner.getName() + "." + key.name() + ": initializer not run — it sits in a try block,"
                            + " sets another field too or reads a local variable of an earlier statement, so it cannot"
                            + " be taken apart from the rest of the static initializer; the field starts at its"
                            + " default value (give it an initializer of its own to have it set on reload)");
                }
            }
            for (Map.Entry<MemberKey, MethodHandle> each : rewrite.fieldInitializers().entrySet()) {
                if (!runLater.contains(each.getKey()) && claim(fields, each.getKey())) {
                    run(owner, each.getKey(), each.getValue()).ifPresent(notes::add);
                }
            }
        }
        return notes;
    }

    private static Optional<String> run(Class<?> owner, MemberKey key, MethodHandle initializer) {
        try {
            initializer.invokeExact();
            return Optional.empty();
        } catch (Throwable e) {
            // The program's own code threw: report it and go on, the field keeps what it had.
            return Optional.of(owner.getName() + "." + key.name() + ": its initializer threw " + e
                    + "; the field keeps its default value");
        }
    }

    private static boolean claim(AddedFields fields, MemberKey key) {
        return fields.claimInitializer(key.name(), key.descriptor());
    }
}
