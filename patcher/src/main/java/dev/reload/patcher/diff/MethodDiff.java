package dev.reload.patcher.diff;

import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.MethodShape;
import dev.reload.patcher.shape.SyntheticNames;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares the methods a developer wrote by name and descriptor, as the JVM does; lambda bodies go to
 * {@link LambdaMatcher}, and ECJ's switch table methods are reported with their field.
 */
final class MethodDiff {
    private MethodDiff() {
    }

    static void compare(ClassShape running, ClassShape updated, List<Change> changes) {
        String owner = updated.internalName();
        List<MethodShape> added = new ArrayList<>();
        for (MethodShape method : written(updated)) {
            Optional<MethodShape> old = running.method(method.name(), method.descriptor());
            if (old.isPresent()) {
                compare(owner, old.get(), method, changes);
            } else {
                added.add(method);
            }
        }
        List<MethodShape> removed = new ArrayList<>();
        for (MethodShape method : written(running)) {
            if (updated.method(method.name(), method.descriptor()).isEmpty()) {
                removed.add(method);
            }
        }
        pairSignatureChanges(owner, added, removed, changes);
        for (MethodShape method : added) {
            changes.add(method.name().equals("<clinit>") ? new MethodChange.StaticInitializerAddedOrRemoved(true)
                    : new MethodChange.Added(owner, method.name(), method.descriptor(), method.access()));
        }
        for (MethodShape method : removed) {
            changes.add(method.name().equals("<clinit>") ? new MethodChange.StaticInitializerAddedOrRemoved(false)
                    : new MethodChange.Removed(owner, method.name(), method.descriptor(), method.access()));
        }
        LambdaMatcher.compare(running, updated, changes);
    }

    /** Compares two methods of one name and descriptor. */
    static void compare(String owner, MethodShape old, MethodShape now, List<Change> changes) {
        // HotSpot lets a method turn native or back (agents that wrap natives rely on it).
        if (((old.access() ^ now.access()) & ~Opcodes.ACC_NATIVE) != 0) {
            changes.add(new MethodChange.ModifiersChanged(owner, now.name(), now.descriptor(), old.access(),
                    now.access()));
        }
        if (old.codeHash() != now.codeHash()) {
            changes.add(now.name().equals("<clinit>") ? new MethodChange.StaticInitializerChanged()
                    : new MethodChange.BodyChanged(owner, now.name(), now.descriptor()));
        } else if (old.codeHashWithDebug() != now.codeHashWithDebug()) {
            changes.add(new MethodChange.DebugInfoChanged(owner, now.name(), now.descriptor()));
        }
    }

    /** A name with exactly one method removed and one added is one method whose signature changed. */
    private static void pairSignatureChanges(String owner, List<MethodShape> added, List<MethodShape> removed,
                                             List<Change> changes) {
        for (MethodShape now : List.copyOf(added)) {
            List<MethodShape> sameNameAdded = named(added, now.name());
            List<MethodShape> sameNameRemoved = named(removed, now.name());
            if (sameNameAdded.size() == 1 && sameNameRemoved.size() == 1 && !now.name().equals("<clinit>")) {
                MethodShape old = sameNameRemoved.get(0);
                changes.add(new MethodChange.SignatureChanged(owner, now.name(), old.descriptor(), now.descriptor(),
                        now.access()));
                added.remove(now);
                removed.remove(old);
            }
        }
    }

    private static List<MethodShape> named(List<MethodShape> methods, String name) {
        List<MethodShape> named = new ArrayList<>();
        for (MethodShape method : methods) {
            if (method.name().equals(name)) {
                named.add(method);
            }
        }
        return named;
    }

    /** {@return the methods that are neither lambda bodies nor ECJ switch tables, in class-file order} */
    private static List<MethodShape> written(ClassShape shape) {
        List<MethodShape> written = new ArrayList<>();
        for (MethodShape method : shape.methods()) {
            if (!SyntheticNames.isLambda(method.name()) && !SyntheticNames.isSwitchTable(method.name())) {
                written.add(method);
            }
        }
        return written;
    }
}
