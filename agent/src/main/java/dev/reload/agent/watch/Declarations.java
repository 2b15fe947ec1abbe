package dev.reload.agent.watch;

import dev.reload.patcher.rewrite.ClassFileReferences;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.FieldShape;
import dev.reload.patcher.shape.MemberKey;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a class declares, as far as linking a reference to one of its members needs (JVMS 5.4.3.2, 5.4.3.3): its
 * direct supertypes, where an inherited member is looked for, and whether it declares a field or method itself.
 *
 * @param superName the superclass's internal name; null for {@code java/lang/Object}
 * @param interfaces the direct superinterfaces' internal names, never null
 * @param declared true for each field and method the class itself declares, never null
 */
public record Declarations(String superName, List<String> interfaces, Predicate<MemberKey> declared) {
    /** {@return true when the class itself declares the field or method} */
    public boolean declares(MemberKey member) {
        return declared.test(member);
    }

    /** {@return the declarations of a class as it runs} */
    public static Declarations of(ClassShape running) {
        // Not a lambda: a batch's reading runs this, and a lambda spins a class that every redefinition walks.
        return new Declarations(running.superName(), running.interfaces(), new Predicate<>() {
            @Override
            public boolean test(MemberKey member) {
                if (member.isMethod()) {
                    return running.method(member.name(), member.descriptor()).isPresent();
                }
                Optional<FieldShape> field = running.field(member.name());
                return field.isPresent() && field.get().descriptor().equals(member.descriptor());
            }
        });
    }

    /** {@return the declarations of a class file} */
    public static Declarations of(ClassFileReferences classFile) {
        // Not a method reference, for the same reason.
        return new Declarations(classFile.superName(), classFile.interfaces(), new Predicate<>() {
            @Override
            public boolean test(MemberKey member) {
                return classFile.declares(member);
            }
        });
    }
}
