package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.AddedMethod;
import dev.reload.patcher.rewrite.InheritedImplementation;
import dev.reload.patcher.rewrite.InheritedImplementations;
import dev.reload.patcher.rewrite.MovedMembers;
import dev.reload.patcher.rewrite.UnsupportedEditException;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.MemberKey;
import dev.reload.patcher.shape.MethodShape;
import dev.reload.patcher.shape.UnreadableClassException;
import dev.reload.runtime.ClassLinks;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The methods reloads added to abstract classes as implementations of an abstract method they inherit ({@code
 * Enemy} gains {@code render()}, which {@code Entity} or the interface {@code Drawable} declares abstract), kept
 * by class. The running subclasses each declare their own, which calls through the abstract declaration reach as
 * before, and calls named through the class link to the added method's dispatch ({@code ClassLinks.dispatchOwn}),
 * which chooses them too. A subclass loading later without its own would reach the abstract declaration, since the
 * added method is in no vtable: it is given a method of its own calling {@code super.render()}
 * ({@link InheritedImplementations}), which links to the added method like any super call of a method a reload
 * added. Thread-safe.
 */
final class AbstractImplementations {
    /** Deeper than any real hierarchy of watched classes; guards against a cycle in broken input. */
    private static final int MAX_DEPTH = 64;

    /** What the running version of each class declares, with the access its new version gives it. */
    private final Map<Class<?>, List<InheritedImplementation>> byClass =
            Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * {@return the methods a class's new version adds that implement an abstract method the class inherits, with
     * the access the new version gives them}
     *
     * @param type the class, never null
     * @param added the methods its new version adds, never null
     * @param overridingAdded the keys of those overriding a method a reload added to a superclass, whose dispatch
     *                        reaches them; never null
     * @param widened says which package-access methods a reload made protected or public, never null
     * @param updated the new class file, never null
     * @throws UnsupportedEditException when the new class file cannot be read
     */
    static List<InheritedImplementation> of(Class<?> type, List<AddedMethod> added, Set<MemberKey> overridingAdded,
                                            MovedMembers widened, byte[] updated) throws UnsupportedEditException {
        List<AddedMethod> implementing = new ArrayList<>();
        for (AddedMethod method : AddedOverrides.abstractImplementations(type, added, widened)) {
            if (!overridingAdded.contains(method.key())) {
                implementing.add(method);
            }
        }
        if (implementing.isEmpty()) {
            return List.of();
        }
        ClassShape shape;
        try {
            shape = ClassShape.read(updated);
        } catch (UnreadableClassException e) {
            throw new UnsupportedEditException(type.getName(), "method added: " + implementing.get(0).describe(),
                    "its class file cannot be read (" + e.getMessage() + ")");
        }
        List<InheritedImplementation> implementations = new ArrayList<>();
        for (AddedMethod method : implementing) {
            // Added by this version, so it declares the method.
            int access = shape.method(method.name(), method.descriptor()).orElseThrow().access();
            implementations.add(new InheritedImplementation(method.name(), method.descriptor(), access));
        }
        return List.copyOf(implementations);
    }

    /**
     * Makes each method dispatch on the receiver's class before the redefinition that starts calling it, so that
     * calls named through the class reach the running subclasses' own methods from the first call.
     *
     * @param type the class whose rewrite staged the methods ({@code ClassLinks.stage}), never null
     * @param methods the implementations its new version adds, never null
     */
    static void dispatchBeforeAnyCall(Class<?> type, List<InheritedImplementation> methods) {
        for (InheritedImplementation method : methods) {
            ClassLinks.of(type).dispatchOwn(method.key().runtimeKey());
        }
    }

    /** {@return the implementations {@link #applied} last recorded for the class; empty when none} */
    List<InheritedImplementation> declaredBy(Class<?> type) {
        return byClass.getOrDefault(type, List.of());
    }

    /**
     * Remembers what the class's running version now declares: a method a later version drops keeps its last body
     * for code from before, and subclasses loading from then on no longer inherit it.
     *
     * @param type the class a batch redefined, never null
     * @param declared the implementations its version declares, never null
     */
    void applied(Class<?> type, List<InheritedImplementation> declared) {
        if (declared.isEmpty()) {
            byClass.remove(type);
        } else {
            byClass.put(type, declared);
        }
    }

    /**
     * {@return a class file about to load, declaring besides its own methods one for each implementation it inherits
     * from a superclass whose reload added it, that neither it nor a class between declares; the very same array
     * when there is none}
     *
     * @param loader the defining loader, never null
     * @param classFile its class file, never null
     * @param running the watched classes as they run, never null
     */
    byte[] declaredAtLoad(ClassLoader loader, byte[] classFile, RunningClasses running) {
        if (byClass.isEmpty()) {
            return classFile;
        }
        ClassShape loading = shapeOrNull(classFile);
        if (loading == null || loading.superName() == null || (loading.access() & Opcodes.ACC_INTERFACE) != 0) {
            return classFile;
        }
        // A static method of the same name and descriptor would clash with the one given; it declares that one too.
        Set<MemberKey> declaredBelow = methods(loading, true);
        Map<MemberKey, InheritedImplementation> inherited = new LinkedHashMap<>();
        String current = loading.superName();
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            for (InheritedImplementation method : implementedBy(loader, current)) {
                if (!declaredBelow.contains(method.key())) {
                    inherited.putIfAbsent(method.key(), method);
                }
            }
            ClassShape shape = running.running(loader, current);
            if (shape == null) {
                break; // a class not watched, or not loaded yet: it is given its own when it loads
            }
            declaredBelow.addAll(methods(shape, false));
            current = shape.superName();
        }
        return inherited.isEmpty() ? classFile
                : InheritedImplementations.declared(classFile, List.copyOf(inherited.values()));
    }

    /** {@return what the class of that internal name, seen from the loader, declares; empty when none} */
    private List<InheritedImplementation> implementedBy(ClassLoader loader, String internalName) {
        synchronized (byClass) {
            for (Map.Entry<Class<?>, List<InheritedImplementation>> entry : byClass.entrySet()) {
                Class<?> type = entry.getKey();
                if (type.getName().replace('.', '/').equals(internalName) && sees(loader, type.getClassLoader())) {
                    return entry.getValue();
                }
            }
        }
        return List.of();
    }

    /** {@return true when the loader is the defining loader or one of its children} */
    private static boolean sees(ClassLoader loader, ClassLoader definer) {
        for (ClassLoader each = loader; each != null; each = each.getParent()) {
            if (each == definer) {
                return true;
            }
        }
        return definer == null;
    }

    private static Set<MemberKey> methods(ClassShape shape, boolean staticToo) {
        Set<MemberKey> keys = new HashSet<>();
        for (MethodShape method : shape.methods()) {
            if ((staticToo || (method.access() & Opcodes.ACC_STATIC) == 0) && !method.name().startsWith("<")) {
                keys.add(new MemberKey(method.name(), method.descriptor()));
            }
        }
        return keys;
    }

    /** {@return the class file's shape, or null when it is not one the patcher reads} */
    static ClassShape shapeOrNull(byte[] classFile) {
        try {
            return ClassShape.read(classFile);
        } catch (UnreadableClassException e) {
            return null;
        }
    }
}
