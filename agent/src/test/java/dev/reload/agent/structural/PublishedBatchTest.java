package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.AddedMethod;
import dev.reload.patcher.rewrite.StructuralRewrite;
import dev.reload.patcher.shape.MemberKey;
import dev.reload.runtime.ClassLinks;
import org.junit.jupiter.api.Test;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What classes that load around a batch's redefinition are shown of it: the batch's methods from just before the
 * redefinition, the earlier ones again when the JVM refuses it.
 */
class PublishedBatchTest {
    private static final MemberKey HEAL = new MemberKey("heal", "(I)I");
    private static final MemberKey ARMOR = new MemberKey("armor", "()I");

    /** Gains heal(int), then armor(), in reloads. */
    public static class Entity {
    }

    /** Gains a method in a batch the JVM refuses. */
    public static class Other {
    }

    private final AtomicInteger loadedClassesAsked = new AtomicInteger();
    private final StructuralEngine engine = new StructuralEngine(instrumentation(), false, RunningClasses.NONE);

    @Test
    void aPublishedBatchIsSeenByLoadingClassesUntilItIsWithdrawnThenTheEarlierOneIsSeenAgain() {
        List<PreparedRewrite> first = List.of(adding(Entity.class, HEAL));
        engine.publish(first);
        assertEquals(Set.of(HEAL), seen(Entity.class));
        assertEquals(1, loadedClassesAsked.get(), "heal(int) is new: loaded subclasses may declare it");
        engine.applied(first, Map.of());
        assertEquals(Set.of(HEAL), seen(Entity.class));
        assertEquals(1, loadedClassesAsked.get(), "the batch published before added nothing new");

        PublishedBatch refused = engine.publish(List.of(adding(Entity.class, HEAL, ARMOR), adding(Other.class, ARMOR)));
        assertEquals(Set.of(HEAL, ARMOR), seen(Entity.class));
        assertEquals(Set.of(ARMOR), seen(Other.class));
        engine.withdraw(refused);
        assertEquals(Set.of(HEAL), seen(Entity.class));
        assertEquals(Set.of(), seen(Other.class));
    }

    private Set<MemberKey> seen(Class<?> type) {
        return engine.addedMembers(type.getClassLoader(), type.getName().replace('.', '/'));
    }

    /** {@return an edit of the class that moves these overridable instance methods to its companion} */
    private static PreparedRewrite adding(Class<?> type, MemberKey... methods) {
        List<AddedMethod> moved = Set.of(methods).stream()
                .map(key -> new AddedMethod(key.name(), key.descriptor(), true, true)).toList();
        StructuralRewrite rewrite = new StructuralRewrite(type.getName().replace('.', '/'), new byte[0], null, moved,
                Set.of(), List.of(), List.of(), List.of(), Map.of());
        return new PreparedRewrite(new ClassDefinition(type, new byte[0]), rewrite, ClassLinks.of(type), Map.of(),
                Map.of(), OverrideLinks.none(type), Set.of());
    }

    /** {@return a JVM with no loaded class, counting how often it is asked for them} */
    private Instrumentation instrumentation() {
        return (Instrumentation) Proxy.newProxyInstance(PublishedBatchTest.class.getClassLoader(),
                new Class<?>[] {Instrumentation.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getAllLoadedClasses")) {
                        loadedClassesAsked.incrementAndGet();
                        return new Class<?>[0];
                    }
                    throw new UnsupportedOperationException(method.getName() + " is not for this test");
                });
    }
}
