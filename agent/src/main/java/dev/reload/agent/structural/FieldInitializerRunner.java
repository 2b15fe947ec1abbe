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
 * was taken out of the new static initializer into the companion, and runs at the field's first access if that comes
 * before the agent runs it. A field keeps its storage across later reloads,
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
                if (!runLater.contains(each.getKey())) {
                    run(owner, fields, each.getKey(), each.getValue()).ifPresent(notes::add);
                }
            }
        }
        return notes;
    }

    /**
     * Gives each static field the batch adds with an initializer that initializer for its first access, before the
     * batch applies: between the redefinition and {@link #run}, a thread running the new code would read the field
     * before its value (a {@code NullPointerException} thrown into the game), as none does after a restart.
     *
     * @param batch the batch about to be applied, never null
     */
    static void expect(List<PreparedRewrite> batch) {
        for (PreparedRewrite rewrite : batch) {
            AddedFields fields = AddedFields.of(rewrite.definition().getDefinitionClass());
            for (Map.Entry<MemberKey, MethodHandle> each : rewrite.fieldInitializers().entrySet()) {
                fields.initializeOnFirstAccess(each.getKey().name(), each.getKey().descriptor(), each.getValue());
            }
        }
    }

    /** Forgets what {@link #expect} gave the fields of a batch the JVM did not take. */
    static void forget(List<PreparedRewrite> batch) {
        for (PreparedRewrite rewrite : batch) {
            AddedFields fields = AddedFields.of(rewrite.definition().getDefinitionClass());
            for (MemberKey key : rewrite.fieldInitializers().keySet()) {
                fields.forgetInitializer(key.name(), key.descriptor());
            }
        }
    }

    /** {@return a line when the initializer threw, here or at a first access of the field before} */
    private static Optional<String> run(Class<?> owner, AddedFields fields, MemberKey key, MethodHandle initializer) {
        Throwable thrown = fields.initialize(key.name(), key.descriptor(), initializer);
        // The program's own code threw: report it and go on, the field keeps what it had.
        return thrown == null ? Optional.empty() : Optional.of(owner.getName() + "." + key.name()
                + ": its initializer threw " + thrown + "; the field keeps its default value");
    }

    private static boolean claim(AddedFields fields, MemberKey key) {
        return fields.claimInitializer(key.name(), key.descriptor());
    }
}
