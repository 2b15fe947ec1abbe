package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.AddedMethod;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.MemberKey;
import dev.reload.patcher.shape.UnreadableClassException;
import dev.reload.runtime.ClassLinks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a method a reload adds overrides, and what overrides it, among methods reloads added. */
class MovedOverridesTest {
    private static final MemberKey ARMOR = new MemberKey("armor", "()I");
    private static final AddedMethod ADDED_ARMOR = new AddedMethod("armor", "()I", true, true);

    /** Gains armor() in a reload. */
    public static class Entity {
    }

    /** Gains armor() in a reload, before or after Entity. */
    public static class Enemy extends Entity {
    }

    /** Gains armor() in a reload too. */
    public static class Boss extends Enemy {
    }

    /** Declares a method of its own, and no armor(). */
    public static class Grunt extends Entity {
        public int armor(int bonus) {
            return bonus;
        }
    }

    @SuppressWarnings("unused") // found by findStatic
    private static int enemyArmor(Enemy self) {
        return 7;
    }

    @Test
    void anAddedMethodOverridesTheTopmostSuperclassThatReloadsAddedItTo() {
        Map<Class<?>, Set<MemberKey>> added = Map.of(Entity.class, Set.of(ARMOR), Enemy.class, Set.of(ARMOR));
        assertEquals(Map.of(ARMOR, Entity.class), MovedOverrides.declarers(Boss.class, List.of(ADDED_ARMOR),
                type -> added.getOrDefault(type, Set.of())));
        assertEquals(Map.of(), MovedOverrides.declarers(Entity.class, List.of(ADDED_ARMOR),
                type -> added.getOrDefault(type, Set.of())));
    }

    @Test
    void aSubclassWhoseEarlierReloadAddedTheMethodOverridesItEvenWhenAReloadOverrodeItsOwnInTurn()
            throws ReflectiveOperationException {
        Map<String, Set<MemberKey>> addedEarlier = Map.of(internalName(Enemy.class), Set.of(ARMOR));
        Class<?>[] loaded = {Entity.class, Enemy.class, Grunt.class};
        assertEquals(Map.of(Enemy.class, Set.of(ARMOR)), MovedOverrides.overriddenEarlier(Entity.class,
                Set.of(ARMOR), addedEarlier, Set.of(Entity.class), () -> loaded));
        // Enemy in the batch finds what it overrides itself.
        assertEquals(Map.of(), MovedOverrides.overriddenEarlier(Entity.class, Set.of(ARMOR), addedEarlier,
                Set.of(Entity.class, Enemy.class), () -> loaded));

        // Boss overrode Enemy's armor() in a reload: Enemy's dispatches, and moves into Entity's when Entity's commits.
        ClassLinks.of(Enemy.class).commit(Map.of(ARMOR.runtimeKey(), MethodHandles.lookup().findStatic(
                MovedOverridesTest.class, "enemyArmor", MethodType.methodType(int.class, Enemy.class))));
        ClassLinks.of(Enemy.class).dispatchOwn(ARMOR.runtimeKey());
        assertEquals(Map.of(Enemy.class, Set.of(ARMOR)), MovedOverrides.overriddenEarlier(Entity.class,
                Set.of(ARMOR), addedEarlier, Set.of(Entity.class), () -> loaded));
    }

    @Test
    void aLoadedSubclassDeclaringAnAddedMethodItselfIsFoundOnlyForThatMethodAndDescriptor() {
        MemberKey bonusArmor = new MemberKey("armor", "(I)I");
        Class<?>[] loaded = {Entity.class, Enemy.class, Grunt.class, String.class};
        RunningClasses running = (loader, internalName) -> shapeOrNull(internalName);
        assertEquals(Set.of(bonusArmor), MovedOverrides.declaredBySubclasses(Entity.class, Set.of(ARMOR, bonusArmor),
                running, loaded));
        // Grunt is no subclass of Enemy, and no class declares armor() without a parameter.
        assertEquals(Set.of(), MovedOverrides.declaredBySubclasses(Enemy.class, Set.of(bonusArmor), running, loaded));
        assertEquals(Set.of(), MovedOverrides.declaredBySubclasses(Entity.class, Set.of(ARMOR), running, loaded));
    }

    /** {@return the shape of one of this test's classes, as a watched class's running shape; null for others} */
    private static ClassShape shapeOrNull(String internalName) {
        if (!internalName.startsWith(internalName(MovedOverridesTest.class))) {
            return null;
        }
        try (InputStream in = MovedOverridesTest.class.getResourceAsStream("/" + internalName + ".class")) {
            return ClassShape.read(in.readAllBytes());
        } catch (IOException | UnreadableClassException e) {
            throw new AssertionError(e);
        }
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }
}
