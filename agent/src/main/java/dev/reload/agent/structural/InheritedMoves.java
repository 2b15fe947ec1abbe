package dev.reload.agent.structural;

import dev.reload.patcher.shape.MemberKey;
import dev.reload.patcher.rewrite.MovedMembers;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.FieldShape;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which methods are moved and fields added, by class, as one batch or the loading of one class sees them; a member
 * named through a subclass ({@code enemy.heal()} compiles to {@code Enemy.heal}) is followed up the running
 * superclasses to the class that added it, as the JVM's own resolution would (JVMS 5.4.3.3), stopping at a class
 * that declares the member itself. A class not loaded yet (new in the batch, or loading after it) is followed through
 * the class file its loader would load ({@link ClassFilesToLoad}).
 */
final class InheritedMoves implements MovedMembers {
    /** Deeper than any real hierarchy of watched classes; guards against a cycle in broken input. */
    private static final int MAX_DEPTH = 64;

    private final Map<String, Set<MemberKey>> moves;
    private final Map<String, Set<MemberKey>> widened;
    /** Every key of {@link #moves}: an instruction naming none of them needs no walk up its owner's superclasses. */
    private final Set<MemberKey> anyClassMoves = new HashSet<>();
    private final RunningClasses running;
    private final ClassLoader loader;
    private final ClassFilesToLoad toLoad;

    /**
     * @param moves the keys of moved methods and added fields by the internal name of their class, never null
     * @param running the watched classes as they run, never null
     * @param loader the loader whose classes are seen, or null for names alone
     */
    InheritedMoves(Map<String, Set<MemberKey>> moves, RunningClasses running, ClassLoader loader) {
        this(moves, Map.of(), running, loader);
    }

    /**
     * @param moves the keys of moved methods, widened methods and added fields by the internal name of their
     *              class, never null
     * @param widened the keys of the protected methods made public by the internal name of their class, never null
     * @param running the watched classes as they run, never null
     * @param loader the loader whose classes are seen, or null for names alone
     */
    InheritedMoves(Map<String, Set<MemberKey>> moves, Map<String, Set<MemberKey>> widened, RunningClasses running,
                   ClassLoader loader) {
        this.widened = widened;
        this.moves = moves;
        this.running = running;
        this.loader = loader;
        this.toLoad = new ClassFilesToLoad(loader);
        for (Set<MemberKey> each : moves.values()) {
            anyClassMoves.addAll(each);
        }
    }

    @Override
    public boolean isMoved(String owner, String name, String descriptor) {
        return movesOf(owner).contains(new MemberKey(name, descriptor));
    }

    @Override
    public boolean isAddedField(String owner, String name, String descriptor) {
        return movesOf(owner).contains(new MemberKey(name, descriptor));
    }

    @Override
    public String movedMethodDeclarer(String owner, String name, String descriptor) {
        return declarer(owner, new MemberKey(name, descriptor), false);
    }

    @Override
    public String addedFieldDeclarer(String owner, String name, String descriptor) {
        return declarer(owner, new MemberKey(name, descriptor), true);
    }

    private String declarer(String owner, MemberKey key, boolean field) {
        if (movesOf(owner).contains(key)) {
            return owner;
        }
        if (loader == null || !anyClassMoves.contains(key)) {
            return null;
        }
        List<String> interfaces = new ArrayList<>();
        String current = owner;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            ClassShape shape = shape(current);
            if (shape != null && declares(shape, key, field)) {
                return null;
            }
            if (shape == null || shape.superName() == null) {
                break;
            }
            interfaces.addAll(shape.interfaces());
            current = shape.superName();
            if (movesOf(current).contains(key)) {
                return current;
            }
        }
        // A method a reload added to an interface, named through a class implementing it or a subinterface.
        return field ? null : interfaceDeclarer(interfaces, key);
    }

    /** {@return the interface, among these and their superinterfaces, that a reload added the method to, or null} */
    private String interfaceDeclarer(List<String> interfaces, MemberKey key) {
        Deque<String> pending = new ArrayDeque<>(interfaces);
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty() && seen.size() < MAX_DEPTH) {
            String implemented = pending.pop();
            if (!seen.add(implemented)) {
                continue;
            }
            if (movesOf(implemented).contains(key)) {
                return implemented;
            }
            ClassShape shape = shape(implemented);
            if (shape != null && !declares(shape, key, false)) {
                pending.addAll(shape.interfaces());
            }
        }
        return null;
    }

    /** {@return the class as it runs, else as the file it will load from; null when neither is known} */
    private ClassShape shape(String internalName) {
        ClassShape shape = running.running(loader, internalName);
        return shape != null ? shape : toLoad.shape(internalName);
    }

    @Override
    public boolean isWidened(String declarer, String name, String descriptor) {
        return widened.getOrDefault(declarer, Set.of()).contains(new MemberKey(name, descriptor));
    }

    private static boolean declares(ClassShape shape, MemberKey key, boolean field) {
        if (!field) {
            return shape.method(key.name(), key.descriptor()).isPresent();
        }
        Optional<FieldShape> declared = shape.field(key.name());
        return declared.isPresent() && declared.get().descriptor().equals(key.descriptor());
    }

    private Set<MemberKey> movesOf(String owner) {
        return moves.getOrDefault(owner, Set.of());
    }
}
