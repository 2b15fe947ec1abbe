package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.AddedMethod;
import dev.reload.patcher.rewrite.InheritedImplementation;
import dev.reload.patcher.shape.MemberKey;
import dev.reload.patcher.rewrite.StructuralRewrite;
import dev.reload.runtime.ClassLinks;

import java.lang.instrument.ClassDefinition;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A structural edit of one loaded class, ready to apply: its companion and bridges are defined, and the methods
 * it adds are linkable. The reload loop puts {@link #definition()} in its batch of {@code redefineClasses}, then
 * calls {@link #commit()} when the batch took; when it did not, {@link #withdraw()}, and it drops this object (what
 * was defined is unreachable and the old code keeps running).
 */
public final class PreparedRewrite {
    private final ClassDefinition definition;
    private final StructuralRewrite rewrite;
    private final ClassLinks links;
    private final Map<String, MethodHandle> movedMethods;
    private final Map<MemberKey, MethodHandle> fieldInitializers;
    private final OverrideLinks overrides;
    private final Set<MemberKey> widened;
    private final List<InheritedImplementation> abstractImplementations;

    PreparedRewrite(ClassDefinition definition, StructuralRewrite rewrite, ClassLinks links,
                    Map<String, MethodHandle> movedMethods, Map<MemberKey, MethodHandle> fieldInitializers,
                    OverrideLinks overrides, Set<MemberKey> widened) {
        this(definition, rewrite, links, movedMethods, fieldInitializers, overrides, widened, List.of());
    }

    private PreparedRewrite(ClassDefinition definition, StructuralRewrite rewrite, ClassLinks links,
                            Map<String, MethodHandle> movedMethods, Map<MemberKey, MethodHandle> fieldInitializers,
                            OverrideLinks overrides, Set<MemberKey> widened,
                            List<InheritedImplementation> abstractImplementations) {
        this.definition = definition;
        this.rewrite = rewrite;
        this.links = links;
        this.movedMethods = Map.copyOf(movedMethods);
        this.fieldInitializers = new LinkedHashMap<>(fieldInitializers);
        this.overrides = overrides;
        this.widened = Set.copyOf(widened);
        this.abstractImplementations = List.copyOf(abstractImplementations);
    }

    /**
     * {@return the methods the new version adds that implement an abstract method the class inherits, which
     * subclasses loading later without their own are given ({@link AbstractImplementations})}
     */
    List<InheritedImplementation> abstractImplementations() {
        return abstractImplementations;
    }

    /** {@return the same edit, whose new version adds these implementations of inherited abstract methods} */
    PreparedRewrite implementingAbstract(List<InheritedImplementation> implementations) {
        return new PreparedRewrite(definition, rewrite, links, movedMethods, fieldInitializers, overrides, widened,
                implementations);
    }

    /**
     * {@return the keys of the protected methods made public, which stay in place with their running access: calls
     * from other classes link to them through the runtime}
     */
    Set<MemberKey> widened() {
        return widened;
    }

    /**
     * {@return the keys of the moved methods that override a superclass's declaration: calls to them stay
     * virtual and reach them through that declaration's dispatch, never through a link to this companion}
     */
    Set<MemberKey> reachedByDispatch() {
        return overrides.declarers().keySet();
    }

    /**
     * {@return the added overrides the new version declares, each with the class declaring what it overrides, and
     * its added implementations of inherited abstract methods, each with the class or interface declaring that}
     */
    public Map<MemberKey, Class<?>> addedOverrides() {
        Map<MemberKey, Class<?>> declared = new LinkedHashMap<>(overrides.declarers());
        declared.keySet().retainAll(overrides.declaredNow());
        Class<?> type = definition.getDefinitionClass();
        for (InheritedImplementation implementation : abstractImplementations) {
            Method abstractOne = AddedOverrides.nearestDeclaration(type, new AddedMethod(implementation.name(),
                    implementation.descriptor(), true, true));
            if (abstractOne != null) {
                declared.put(implementation.key(), abstractOne.getDeclaringClass());
            }
        }
        return declared;
    }

    /**
     * {@return the methods running the initializers of the added static fields, by field, in the static
     * initializer's order; never null}
     */
    Map<MemberKey, MethodHandle> fieldInitializers() {
        return Collections.unmodifiableMap(fieldInitializers);
    }

    /** {@return the same edit, redefining the class with other bytes} */
    PreparedRewrite withClassFile(byte[] classFile) {
        return new PreparedRewrite(new ClassDefinition(definition.getDefinitionClass(), classFile), rewrite, links,
                movedMethods, fieldInitializers, overrides, widened, abstractImplementations);
    }

    /**
     * {@return the same edit, whose methods the given subclasses, outside the batch, added in earlier reloads: they
     * override them once the batch took}
     */
    PreparedRewrite overriddenEarlier(Map<Class<?>, Set<MemberKey>> bySubclass) {
        return new PreparedRewrite(definition, rewrite, links, movedMethods, fieldInitializers,
                overrides.overriddenEarlier(bySubclass), widened, abstractImplementations);
    }

    /**
     * {@return the same edit, whose dropped implementations of these methods, which the interface that a reload
     * added them to drops too, keep receiving the calls of code from before}
     */
    PreparedRewrite droppedWithInterface(Set<MemberKey> keys) {
        return new PreparedRewrite(definition, rewrite, links, movedMethods, fieldInitializers,
                overrides.droppedWithInterface(keys), widened, abstractImplementations);
    }

    /** {@return the class and the bytes to redefine it with, never null} */
    public ClassDefinition definition() {
        return definition;
    }

    /** {@return the rewrite: the moved methods, and the class file the class runs once redefined} */
    public StructuralRewrite rewrite() {
        return rewrite;
    }

    /** Lets the calls the new code links from now on reach this version's moved methods ahead of {@link #commit}. */
    void redefining() {
        links.redefining(movedMethods);
    }

    /** Links the calls linked since {@link #redefining} to the running versions: the JVM did not take this one. */
    void withdraw() {
        links.withdraw();
    }

    /** Links every call to the moved methods to this version, the moment the redefinition took; {@link #commit} too. */
    void relinkMovedMethods() {
        links.commit(movedMethods);
    }

    /**
     * Links every call to the moved methods to this version, after the redefinition took; a method moved by an
     * earlier reload and now gone stays linked to its last body, carried into this version's companion.
     */
    public void commit() {
        links.commit(movedMethods);
        overrides.commit(movedMethods);
    }
}
