package dev.reload.patcher.diff;

import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.RecordComponentShape;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops the changes a compiler made only because of another change already reported: a record's
 * component fields, accessors, canonical constructor and {@code toString/hashCode/equals} follow its
 * components; an enum's {@code $values()} and static initializer follow its constants; a constant's body
 * ({@code MACE { ... }}) brings its class, the enum's sealing and, when it is new, the constant. The records' and the
 * bodies' verdicts are REJECTED anyway; the consequences would only bury the one line that matters.
 */
final class GeneratedMembers {
    private static final Set<String> RECORD_METHODS = Set.of("toString", "hashCode", "equals");
    private static final Set<String> ENUM_METHODS = Set.of("$values", "values", "valueOf");

    private GeneratedMembers() {
    }

    static List<Change> withoutConsequences(ClassShape running, ClassShape updated, List<Change> changes) {
        // Loops, not streams: every save's diff runs this, and an agent that runs stream pipelines on every save
        // leaves their compiled JDK code in the program, for every later redefinition to walk.
        boolean recordChanged = false;
        boolean constantsChanged = false;
        boolean bodyGiven = false;
        for (Change change : changes) {
            recordChanged |= change instanceof TypeChange.RecordComponentsChanged;
            constantsChanged |= change instanceof FieldChange.EnumConstantChanged;
            bodyGiven |= change instanceof TypeChange.EnumConstantBodyGiven;
        }
        if (bodyGiven) {
            List<Change> kept = new ArrayList<>();
            for (Change change : changes) {
                if (!followsBody(change)) {
                    kept.add(change);
                }
            }
            return List.copyOf(kept);
        }
        if (!recordChanged && !constantsChanged) {
            return changes;
        }
        Set<String> components = new HashSet<>();
        for (RecordComponentShape component : running.recordComponents()) {
            components.add(component.name());
        }
        for (RecordComponentShape component : updated.recordComponents()) {
            components.add(component.name());
        }
        List<Change> kept = new ArrayList<>();
        for (Change change : changes) {
            if (!(recordChanged && followsComponents(change, components))
                    && !(constantsChanged && followsConstants(change))) {
                kept.add(change);
            }
        }
        return List.copyOf(kept);
    }

    private static boolean followsComponents(Change change, Set<String> components) {
        if (change instanceof FieldChange.Added c) {
            return components.contains(c.name());
        } else if (change instanceof FieldChange.Removed c) {
            return components.contains(c.name());
        } else if (change instanceof FieldChange.TypeChanged c) {
            return components.contains(c.name());
        } else if (change instanceof MethodChange.Added c) {
            return accessorOrConstructor(c.name(), components);
        } else if (change instanceof MethodChange.Removed c) {
            return accessorOrConstructor(c.name(), components);
        } else if (change instanceof MethodChange.SignatureChanged c) {
            return accessorOrConstructor(c.name(), components);
        } else if (change instanceof MethodChange.BodyChanged c) {
            return RECORD_METHODS.contains(c.name()) || c.name().equals("<init>");
        } else if (change instanceof MethodChange.DebugInfoChanged c) {
            return accessorOrConstructor(c.name(), components);
        }
        return false;
    }

    private static boolean accessorOrConstructor(String name, Set<String> components) {
        return components.contains(name) || name.equals("<init>");
    }

    private static boolean followsBody(Change change) {
        return (change instanceof TypeChange.NestMemberChanged nest && nest.added())
                || change instanceof TypeChange.PermittedSubclassesChanged
                || change instanceof FieldChange.EnumConstantChanged || followsConstants(change);
    }

    private static boolean followsConstants(Change change) {
        return change instanceof MethodChange.StaticInitializerChanged
                || (change instanceof MethodChange.BodyChanged c && ENUM_METHODS.contains(c.name()));
    }
}
