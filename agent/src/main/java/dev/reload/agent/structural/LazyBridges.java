package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.AddedMethod;
import dev.reload.runtime.ClassLinks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Makes the bridge of a moved method the first time a method reference to it links ({@code this::heal}, in the
 * class or another), instead of a bridge class for every edit that adds methods: bridges are named classes, which
 * live as long as their class loader. Lambda bodies get theirs when they are moved, since the class's own lambdas
 * link to them at once. One per class, kept as long as the class is.
 */
final class LazyBridges implements Function<String, MethodHandle> {
    private static final ClassValue<LazyBridges> BY_CLASS = new ClassValue<>() {
        @Override
        protected LazyBridges computeValue(Class<?> type) {
            return new LazyBridges(type);
        }
    };

    private final Class<?> owner;
    /** The moved methods by the key the runtime asks for a bridge with. */
    private final Map<String, AddedMethod> moved = new ConcurrentHashMap<>();
    private volatile MethodHandles.Lookup lookup;
    private volatile ClassLinks links;

    private LazyBridges(Class<?> owner) {
        this.owner = owner;
    }

    /** {@return the lazy bridges of a class} */
    static LazyBridges of(Class<?> owner) {
        return BY_CLASS.get(owner);
    }

    /** Learns the methods an edit moves, and registers itself as the class's bridge maker. */
    void know(MethodHandles.Lookup fullPrivilege, ClassLinks classLinks, List<AddedMethod> methods) {
        lookup = fullPrivilege;
        links = classLinks;
        for (AddedMethod method : methods) {
            moved.put(method.key().runtimeKey(), method);
        }
        classLinks.bridgeMaker(this);
    }

    @Override
    public MethodHandle apply(String key) {
        AddedMethod method = moved.get(key);
        if (method == null) {
            return null;
        }
        try {
            return StructuralReloader.defineBridgeClass(owner, lookup, links, List.of(method)).get(key);
        } catch (StructuralLinkException e) {
            // The caller's lambda bootstrap then fails with a message naming the method.
            return null;
        }
    }
}
