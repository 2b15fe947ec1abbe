package dev.reload.patcher.diff;

import dev.reload.patcher.rewrite.RuntimeNames;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.MethodShape;
import dev.reload.patcher.shape.SyntheticNames;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Judges the classes of one batch together, so that numbered classes ({@code Outer$1}, {@code Outer$2}:
 * anonymous classes and javac's switch map holders) are followed by their code, not their number.
 * Inserting an anonymous class before another renumbers every later one; swapping two swaps their
 * numbers. Either way a file's number no longer says which running class it continues.
 */
public final class BatchDiff {
    private BatchDiff() {
    }

    /**
     * {@return a verdict for every updated class that has a running class of the same name, in the order of
     * {@code updated}}; a numbered class whose running namesake's code moved to another number gets
     * {@link TypeChange.AnonymousClassRenumbered} instead of a comparison with code it does not continue
     *
     * @param running the shapes of the running classes the batch may touch, never null
     * @param updated the shapes of the batch's new class files, never null
     */
    public static List<Verdict> judge(Collection<ClassShape> running, Collection<ClassShape> updated) {
        Map<String, ClassShape> runningByName = byName(running);
        Map<String, String> renumbering = renumbering(running, updated);
        Map<String, String> continuedAs = new LinkedHashMap<>();
        renumbering.forEach((now, was) -> continuedAs.put(was, now));
        List<Verdict> verdicts = new ArrayList<>();
        for (ClassShape shape : updated) {
            String name = shape.internalName();
            ClassShape namesake = runningByName.get(name);
            if (namesake == null) {
                continue;
            }
            boolean moved = continuedAs.containsKey(name) || renumbering.containsKey(name);
            verdicts.add(moved
                    ? ClassDiff.verdict(shape.binaryName(), shape, List.of(
                            new TypeChange.AnonymousClassRenumbered(name, continuedAs.get(name))))
                    : ClassDiff.judge(namesake, shape));
        }
        return verdicts;
    }

    /**
     * {@return for each updated numbered class whose code is that of a running numbered class of the same
     * outer class under another number: its name mapped to the running class's name}; classes that kept
     * their number, and classes whose code changed, are not in it
     *
     * @param running the shapes of the running classes, never null
     * @param updated the shapes of the new class files, never null
     */
    public static Map<String, String> renumbering(Collection<ClassShape> running, Collection<ClassShape> updated) {
        List<ClassShape> olds = numbered(running);
        List<ClassShape> news = numbered(updated);
        // Classes that kept their number and their code are settled first, so they are not taken by another.
        olds.removeIf(old -> news.removeIf(now -> now.internalName().equals(old.internalName()) && sameCode(old, now)));
        Map<String, String> renumbered = new LinkedHashMap<>();
        for (ClassShape now : news) {
            for (ClassShape old : olds) {
                if (outer(old).equals(outer(now)) && sameCode(old, now)) {
                    renumbered.put(now.internalName(), old.internalName());
                    olds.remove(old);
                    break;
                }
            }
        }
        return renumbered;
    }

    /**
     * {@return whether two classes are the same but for their own name, debug information and the accessor a
     * watched class gets when it loads}
     *
     * @param a a class, never null; when it keeps no member names, {@code b} must
     * @param b another class, never null
     */
    public static boolean sameCode(ClassShape a, ClassShape b) {
        // A member of a's whose name b's members do not have makes a differ.
        ClassShape named = a.withMemberNamesFrom(b, RuntimeNames.LOAD_TIME_MEMBER_NAMES);
        return named != null && sameNamedCode(named, b);
    }

    private static boolean sameNamedCode(ClassShape a, ClassShape b) {
        return Objects.equals(a.superName(), b.superName())
                && a.interfaces().equals(b.interfaces())
                && a.access() == b.access()
                && Objects.equals(a.nestHost(), b.nestHost())
                && a.fields().equals(b.fields())
                && methodsWithoutDebug(a).equals(methodsWithoutDebug(b));
    }

    /**
     * {@return each method's name, descriptor, access and code hash, in no order}: the class file the JVM rebuilds of a
     * running class (a retransformation's, as for a class loaded before an attach) need not list its methods in the
     * compiled order, and the order changes no code.
     */
    private static Set<List<Object>> methodsWithoutDebug(ClassShape shape) {
        Set<List<Object>> methods = new HashSet<>();
        for (MethodShape method : shape.methods()) {
            if (method.name().equals(RuntimeNames.ACCESSOR_NAME)
                    && method.descriptor().equals(RuntimeNames.ACCESSOR_DESCRIPTOR)) {
                continue; // added when the class loaded, not written by its developer
            }
            methods.add(List.of(method.name(), method.descriptor(), method.access(), method.codeHash()));
        }
        return methods;
    }

    private static List<ClassShape> numbered(Collection<ClassShape> shapes) {
        List<ClassShape> numbered = new ArrayList<>();
        for (ClassShape shape : shapes) {
            if (SyntheticNames.numberedOuter(shape.internalName()) != null) {
                numbered.add(shape);
            }
        }
        return numbered;
    }

    private static String outer(ClassShape numbered) {
        return SyntheticNames.numberedOuter(numbered.internalName());
    }

    private static Map<String, ClassShape> byName(Collection<ClassShape> shapes) {
        Map<String, ClassShape> byName = new LinkedHashMap<>();
        for (ClassShape shape : shapes) {
            byName.put(shape.internalName(), shape);
        }
        return byName;
    }
}
