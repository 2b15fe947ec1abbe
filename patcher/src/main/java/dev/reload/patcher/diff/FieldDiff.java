package dev.reload.patcher.diff;

import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.FieldShape;
import dev.reload.patcher.shape.SyntheticNames;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares fields by name (a class cannot have two fields of one name from Java source), naming the
 * synthetic ones after what the developer wrote: an {@code assert}, an enum constant, an enum switch.
 */
final class FieldDiff {
    private FieldDiff() {
    }

    static void compare(ClassShape running, ClassShape updated, List<Change> changes) {
        for (FieldShape field : updated.fields()) {
            Optional<FieldShape> old = running.field(field.name());
            if (old.isPresent()) {
                compare(old.get(), field, changes);
            } else {
                changes.add(appeared(field, true));
            }
        }
        for (FieldShape field : running.fields()) {
            if (updated.field(field.name()).isEmpty()) {
                changes.add(appeared(field, false));
            }
        }
        List<String> oldOrder = commonNames(running, updated);
        List<String> newOrder = commonNames(updated, running);
        if (!oldOrder.equals(newOrder)) {
            changes.add(new FieldChange.Reordered(oldOrder, newOrder));
        }
    }

    /**
     * {@return the names of the fields of {@code shape} that {@code other} has too, in {@code shape}'s order}:
     * HotSpot walks the fields of both versions side by side, so moving a declaration is a change to it
     */
    private static List<String> commonNames(ClassShape shape, ClassShape other) {
        List<String> names = new ArrayList<>();
        for (FieldShape field : shape.fields()) {
            if (other.field(field.name()).isPresent()) {
                names.add(field.name());
            }
        }
        return List.copyOf(names);
    }

    private static void compare(FieldShape old, FieldShape now, List<Change> changes) {
        if (!old.descriptor().equals(now.descriptor())) {
            changes.add(new FieldChange.TypeChanged(now.name(), old.descriptor(), now.descriptor(), now.access()));
            return;
        }
        if (old.access() != now.access()) {
            changes.add(new FieldChange.ModifiersChanged(now.name(), now.descriptor(), old.access(), now.access()));
        }
        if (!Objects.equals(old.constantValue(), now.constantValue())) {
            changes.add(new FieldChange.ConstantChanged(now.name(), now.descriptor(), now.access(),
                    old.constantValue(), now.constantValue()));
        }
    }

    private static Change appeared(FieldShape field, boolean added) {
        String name = field.name();
        if ((field.access() & Opcodes.ACC_ENUM) != 0) {
            return new FieldChange.EnumConstantChanged(name, added);
        }
        if (SyntheticNames.isSwitchTable(name)) {
            return new FieldChange.SwitchTableChanged(SyntheticNames.switchedEnum(name), added);
        }
        if (added && name.equals(SyntheticNames.ASSERTIONS_DISABLED)) {
            return new FieldChange.AssertionsAdded();
        }
        return added ? new FieldChange.Added(name, field.descriptor(), field.access())
                : new FieldChange.Removed(name, field.descriptor(), field.access());
    }
}
