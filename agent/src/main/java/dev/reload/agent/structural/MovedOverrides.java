package dev.reload.agent.structural;

import dev.reload.patcher.shape.MemberKey;
import dev.reload.patcher.rewrite.AddedMethod;
import dev.reload.patcher.rewrite.UnsupportedEditException;
import dev.reload.patcher.shape.ClassShape;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses an added method that would override, or be overridden by, a method a reload added to another class of
 * the same hierarchy: a moved method is reached through call sites linked to one class's companion, never through
 * the receiver's class, so a call through the superclass would silently run the superclass's version.
 */
final class MovedOverrides {
    private static final int MAX_DEPTH = 64;

    private MovedOverrides() {
    }

    /**
     * @param edit the class whose edit adds the methods, never null
     * @param moved the methods its edit adds, never null
     * @param overridable the keys of the overridable moved methods of every class, applied or in the batch, by
     *                    internal name, never null
     * @param running the watched classes as they run, never null
     * @throws UnsupportedEditException naming the first method in such an override
     */
    static void refuse(ClassEdit edit, List<AddedMethod> moved, Map<String, Set<MemberKey>> overridable,
                       RunningClasses running) throws UnsupportedEditException {
        for (AddedMethod method : moved) {
            if (!method.overridable()) {
                continue;
            }
            String overridden = superclassMoving(edit.loaded(), method.key(), overridable);
            if (overridden != null) {
                throw refusal(edit, method, "it overrides the method a reload added to " + overridden);
            }
            String overriding = subclassMoving(edit, method.key(), overridable, running);
            if (overriding != null) {
                throw refusal(edit, method, "its subclass " + overriding + " added the same method in a reload,"
                        + " which would override it");
            }
        }
    }

    private static UnsupportedEditException refusal(ClassEdit edit, AddedMethod method, String why) {
        return new UnsupportedEditException(edit.loaded().getName(), "method added: " + method.describe(),
                why + ", and calls through the superclass would not reach the subclass's version on a running JVM");
    }

    /** {@return the binary name of the nearest superclass whose reload added the method, or null} */
    private static String superclassMoving(Class<?> type, MemberKey key, Map<String, Set<MemberKey>> overridable) {
        for (Class<?> superclass = type.getSuperclass(); superclass != null; superclass = superclass.getSuperclass()) {
            if (overridable.getOrDefault(superclass.getName().replace('.', '/'), Set.of()).contains(key)) {
                return superclass.getName();
            }
        }
        return null;
    }

    /** {@return the binary name of a running subclass whose reload added the method, or null} */
    private static String subclassMoving(ClassEdit edit, MemberKey key, Map<String, Set<MemberKey>> overridable,
                                         RunningClasses running) {
        String self = edit.internalName();
        ClassLoader loader = edit.loaded().getClassLoader();
        for (Map.Entry<String, Set<MemberKey>> other : overridable.entrySet()) {
            if (!other.getKey().equals(self) && other.getValue().contains(key)
                    && extendsClass(other.getKey(), self, loader, running)) {
                return other.getKey().replace('/', '.');
            }
        }
        return null;
    }

    private static boolean extendsClass(String internalName, String ancestor, ClassLoader loader,
                                        RunningClasses running) {
        String current = internalName;
        for (int depth = 0; depth < MAX_DEPTH && current != null; depth++) {
            ClassShape shape = running.running(loader, current);
            if (shape == null) {
                return false;
            }
            current = shape.superName();
            if (ancestor.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
