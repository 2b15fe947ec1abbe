package dev.reload.runtime;

import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The choice made for a method a reload added to a class ({@code title()}, in each class's companion, here constant
 * method handles) once reloads override it in subclasses: calls named through the class and through a subclass,
 * super calls, a class that declares the method itself, an override removed again.
 */
class AddedMethodDispatchTest {
    private static final String KEY = "title()Ljava/lang/String;";

    /** Gains title() in a reload. */
    public static class Entity {
    }

    /** Gains its own title() in a reload. */
    public static class Enemy extends Entity {
    }

    /** Below Enemy, gains its own title() in a reload too. */
    public static class Boss extends Enemy {
    }

    /** Never overrides. */
    public static class Minion extends Enemy {
    }

    /** Loaded after Entity gained title(), compiled against it: declares it as a real method. */
    public static class Grunt extends Entity {
        public String title() {
            return "grunt";
        }
    }

    @Test
    void callsThroughTheClassAndItsSubclassesReachEachReceiversOverrideOnceAReloadOverrodeIt() throws Throwable {
        MethodType type = MethodType.methodType(String.class, Entity.class);
        ClassLinks.of(Entity.class).commit(Map.of(KEY, body("entity", Entity.class)));
        MethodHandle throughEntity = ClassLinks.of(Entity.class).site(KEY, type).dynamicInvoker();
        assertEquals("entity", (String) throughEntity.invokeExact((Entity) new Enemy()));
        assertFalse(OverrideDispatch.of(Entity.class, KEY).dispatching(), "no reload overrode it: a direct link");

        // Enemy gains title(): Entity's method dispatches, and calls linked before reach Enemy's.
        overrideIn(Enemy.class, body("enemy", Enemy.class));
        MethodHandle throughEnemy = ClassLinks.of(Enemy.class).site(KEY, MethodType.methodType(String.class,
                Enemy.class)).dynamicInvoker();
        assertEquals("entity", (String) throughEntity.invokeExact(new Entity()));
        assertEquals("enemy", (String) throughEntity.invokeExact((Entity) new Enemy()));
        assertEquals("enemy", (String) throughEntity.invokeExact((Entity) new Minion()));
        assertEquals("grunt", (String) throughEntity.invokeExact((Entity) new Grunt()));

        // Boss, below Enemy, gains its own: calls named through Enemy reach it too, and its super call Enemy's.
        overrideIn(Boss.class, body("boss", Boss.class));
        assertEquals("boss", (String) throughEntity.invokeExact((Entity) new Boss()));
        assertEquals("boss", (String) throughEnemy.invokeExact((Enemy) new Boss()));
        assertEquals("enemy", (String) throughEnemy.invokeExact((Enemy) new Minion()));
        assertEquals("enemy", (String) superCall(Boss.class, Enemy.class).invokeExact((Entity) new Boss()));
        MethodHandle enemySuper = superCall(Enemy.class, Entity.class);
        assertEquals("entity", (String) enemySuper.invokeExact((Entity) new Enemy()));

        // Entity's body is edited; then Enemy's override is removed again.
        ClassLinks.of(Entity.class).commit(Map.of(KEY, body("entity 2", Entity.class)));
        assertEquals("entity 2", (String) enemySuper.invokeExact((Entity) new Enemy()));
        OverrideDispatch.of(Entity.class, KEY).overriddenBy(Enemy.class, null);
        assertEquals("entity 2", (String) throughEntity.invokeExact((Entity) new Enemy()));
        assertEquals("entity 2", (String) throughEnemy.invokeExact((Enemy) new Minion()));
        assertEquals("boss", (String) throughEnemy.invokeExact((Enemy) new Boss()));
    }

    /** Does what committing a subclass's rewrite that adds an override of Entity's added method does. */
    private static void overrideIn(Class<?> type, MethodHandle override) {
        ClassLinks.of(type).commit(Map.of(KEY, override));
        ClassLinks.of(Entity.class).dispatchOwn(KEY);
        ClassLinks.of(type).reachThrough(KEY, Entity.class);
        OverrideDispatch.of(Entity.class, KEY).overriddenBy(type, override);
    }

    private static MethodHandle superCall(Class<?> writtenIn, Class<?> named) throws ReflectiveOperationException {
        MethodType type = MethodType.methodType(String.class, writtenIn);
        return Linkage.superCall(MethodHandles.lookup(), "title", type, writtenIn, named, "()Ljava/lang/String;")
                .dynamicInvoker().asType(MethodType.methodType(String.class, Entity.class));
    }

    /** {@return a body in its static form, the receiver first, that returns the title} */
    private static MethodHandle body(String title, Class<?> receiver) {
        return MethodHandles.dropArguments(MethodHandles.constant(String.class, title), 0, receiver);
    }
}
