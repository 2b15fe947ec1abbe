package dev.reload.patcher.diff;

import dev.reload.patcher.rewrite.Refusal;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a new version of a class against the running one: every change in the developer's terms, and
 * whether stock HotSpot's {@code redefineClasses} (method bodies only) can take it.
 */
public final class ClassDiff {
    private ClassDiff() {
    }

    /**
     * {@return the verdict on replacing the running class by the updated one}
     *
     * @param running the shape of the version the JVM runs now, never null
     * @param updated the shape of the new version, never null
     */
    public static Verdict judge(ClassShape running, ClassShape updated) {
        Objects.requireNonNull(running, "running");
        Objects.requireNonNull(updated, "updated");
        if (!running.internalName().equals(updated.internalName())) {
            return verdict(running.binaryName(), updated,
                    List.of(new TypeChange.Renamed(running.internalName(), updated.internalName())));
        }
        Optional<List<Change>> bodies = BodiesOnly.changes(running, updated);
        return verdict(running.binaryName(), updated, bodies.isPresent() ? bodies.get() : compareFully(running, updated));
    }

    /** {@return every change of {@code updated} against {@code running}, a class of the same name, in report order} */
    static List<Change> compareFully(ClassShape running, ClassShape updated) {
        List<Change> changes = new ArrayList<>();
        TypeDiff.compare(running, updated, changes);
        FieldDiff.compare(running, updated, changes);
        MethodDiff.compare(running, updated, changes);
        changes = GeneratedMembers.withoutConsequences(running, updated, changes);
        return LoadTimeMembers.withoutAugmentation(running, updated, changes);
    }

    /**
     * {@return the verdict on replacing the running class by the class file {@code updated}}
     *
     * @param running the shape of the version the JVM runs now, never null
     * @param updated the new class file, never null
     * @throws UnreadableClassException when {@code updated} is no readable class file
     */
    public static Verdict judge(ClassShape running, byte[] updated) throws UnreadableClassException {
        return judge(running, ClassShape.read(updated));
    }

    static Verdict verdict(String className, ClassShape updated, List<Change> changes) {
        Verdict.Kind kind = Verdict.Kind.UNCHANGED;
        List<Refusal> refusals = new ArrayList<>();
        for (Change change : changes) {
            if (change.needs().compareTo(kind) > 0) {
                kind = change.needs();
            }
            if (change.needs().compareTo(Verdict.Kind.NEEDS_REWRITE) >= 0) {
                refusals.add(refusalOf(className, change));
            }
        }
        return new Verdict(className, kind, changes, refusals, changedMethods(updated, changes));
    }

    /**
     * {@return the change as a reason its class cannot be applied as it is}
     *
     * @param className the class's binary name, never null
     * @param change a change that needs more than a body swap, never null
     */
    public static Refusal refusalOf(String className, Change change) {
        return new Refusal(className, change.describe(), change.consequence(), change.whatToDo());
    }

    /** {@return the edited methods' simple names, in the new class file's method order, each once} */
    private static List<String> changedMethods(ClassShape updated, List<Change> changes) {
        Set<String> edited = new LinkedHashSet<>();
        for (Change change : changes) {
            if (change.editedMethod() != null) {
                edited.add(change.editedMethod());
            }
        }
        if (edited.isEmpty()) {
            return List.of();
        }
        Set<String> ordered = new LinkedHashSet<>();
        for (int i = 0; i < updated.methodCount(); i++) {
            String name = updated.methodName(i);
            if (edited.contains(name)) {
                ordered.add(name);
            }
        }
        ordered.addAll(edited);
        return List.copyOf(ordered);
    }
}
