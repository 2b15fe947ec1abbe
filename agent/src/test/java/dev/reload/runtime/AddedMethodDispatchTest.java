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
 * super calls, a class that declares the method itself, an override removed again; and {@code mend()}, added to a
 * class whose subclass overrode it before superclasses gained it in turn (the reverse order).
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

    /** Gains mend() after Root did: one level deeper. */
    public static class Base {
    }

    /** Gains mend() after Mob did and Chief overrode it. */
    public static class Root extends Base {
    }

    /** Gains mend() first. */
    public static class Mob extends Root {
    }

    /** Overrides Mob's mend() in a reload. */
    public static class Chief extends Mob {
    }

    /** Never overrides. */
    public static class Pawn extends Mob {
    }

    /** Loaded after Root gained mend(), compiled against it: declares it as a real method. */
    public static class Brute extends Mob {
        public String mend() {
            return "brute";
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

    @Test
    void aDispatchOfAnAddedMethodMovesIntoTheOneOfASuperclassGainingItLater() throws Throwable {
        String key = "mend()Ljava/lang/String;";
        ClassLinks.of(Mob.class).commit(Map.of(key, body("mob", Mob.class)));
        ClassLinks.of(Chief.class).commit(Map.of(key, body("chief", Chief.class)));
        overriddenEarlier(Mob.class, Chief.class, key);
        MethodHandle throughMob = through(Mob.class, key);
        MethodHandle throughChief = through(Chief.class, key);
        MethodHandle chiefSuper = superCall(Chief.class, Mob.class, "mend", Base.class);
        assertEquals("chief", (String) throughMob.invokeExact((Base) new Chief()));
        assertEquals("mob", (String) chiefSuper.invokeExact((Base) new Chief()));

        // Root gains mend(): Mob's dispatch, with Chief's override and its super call, moves into Root's.
        ClassLinks.of(Root.class).commit(Map.of(key, body("root", Root.class)));
        overriddenEarlier(Root.class, Mob.class, key);
        MethodHandle throughRoot = through(Root.class, key);
        assertEquals("root", (String) throughRoot.invokeExact((Base) new Root()));
        assertEquals("mob", (String) throughRoot.invokeExact((Base) new Mob()));
        assertEquals("chief", (String) throughRoot.invokeExact((Base) new Chief()));
        assertEquals("mob", (String) throughRoot.invokeExact((Base) new Pawn()));
        assertEquals("chief", (String) throughMob.invokeExact((Base) new Chief()));
        assertEquals("mob", (String) throughMob.invokeExact((Base) new Pawn()));
        assertEquals("chief", (String) throughChief.invokeExact((Base) new Chief()));
        assertEquals("root", (String) superCall(Mob.class, Root.class, "mend", Base.class).invokeExact((Base) new Mob()));

        // Each body edited again, through its class's links only; Chief's also registered with Mob's moved dispatch.
        ClassLinks.of(Root.class).commit(Map.of(key, body("root 2", Root.class)));
        ClassLinks.of(Mob.class).commit(Map.of(key, body("mob 2", Mob.class)));
        ClassLinks.of(Chief.class).commit(Map.of(key, body("chief 2", Chief.class)));
        assertEquals("root 2", (String) throughRoot.invokeExact((Base) new Root()));
        assertEquals("mob 2", (String) throughRoot.invokeExact((Base) new Pawn()));
        assertEquals("chief 2", (String) throughMob.invokeExact((Base) new Chief()));
        assertEquals("mob 2", (String) chiefSuper.invokeExact((Base) new Chief()));
        OverrideDispatch.of(Mob.class, key).overriddenBy(Chief.class, body("chief 3", Chief.class));
        assertEquals("chief 3", (String) throughRoot.invokeExact((Base) new Chief()));
        assertEquals("brute", (String) throughMob.invokeExact((Base) new Brute()));

        // One level deeper: Base gains it, and Root's dispatch, holding Mob's, moves into Base's.
        ClassLinks.of(Base.class).commit(Map.of(key, body("base", Base.class)));
        overriddenEarlier(Base.class, Root.class, key);
        ClassLinks.of(Mob.class).reachThrough(key, Base.class);
        MethodHandle throughBase = through(Base.class, key);
        assertEquals("base", (String) throughBase.invokeExact(new Base()));
        assertEquals("root 2", (String) throughBase.invokeExact((Base) new Root()));
        assertEquals("chief 3", (String) throughBase.invokeExact((Base) new Chief()));
        assertEquals("chief 3", (String) throughMob.invokeExact((Base) new Chief()));
        assertEquals("chief 3", (String) throughChief.invokeExact((Base) new Chief()));
        assertEquals("mob 2", (String) throughBase.invokeExact((Base) new Pawn()));
        assertEquals("mob 2", (String) chiefSuper.invokeExact((Base) new Chief()));
        assertEquals("brute", (String) throughRoot.invokeExact((Base) new Brute()));
    }

    /**
     * Does what committing the rewrite of a class that adds a method a subclass outside its batch added before does:
     * that subclass overrides it from now on.
     */
    private static void overriddenEarlier(Class<?> type, Class<?> subclass, String key) {
        ClassLinks.of(type).dispatchOwn(key);
        ClassLinks.of(subclass).reachThrough(key, type);
        OverrideDispatch.of(type, key).overriddenBy(subclass, ClassLinks.of(subclass).implementation(key));
    }

    /** {@return the call of an added method named through a class, taking any receiver from Base down} */
    private static MethodHandle through(Class<?> named, String key) {
        return ClassLinks.of(named).site(key, MethodType.methodType(String.class, named)).dynamicInvoker()
                .asType(MethodType.methodType(String.class, Base.class));
    }

    /** Does what committing a subclass's rewrite that adds an override of Entity's added method does. */
    private static void overrideIn(Class<?> type, MethodHandle override) {
        ClassLinks.of(type).commit(Map.of(KEY, override));
        ClassLinks.of(Entity.class).dispatchOwn(KEY);
        ClassLinks.of(type).reachThrough(KEY, Entity.class);
        OverrideDispatch.of(Entity.class, KEY).overriddenBy(type, override);
    }

    private static MethodHandle superCall(Class<?> writtenIn, Class<?> named) throws ReflectiveOperationException {
        return superCall(writtenIn, named, "title", Entity.class);
    }

    /** {@return {@code super.name()} written in a class, naming its superclass, taking receivers typed as given} */
    private static MethodHandle superCall(Class<?> writtenIn, Class<?> named, String name, Class<?> receiver)
            throws ReflectiveOperationException {
        MethodType type = MethodType.methodType(String.class, writtenIn);
        return Linkage.superCall(MethodHandles.lookup(), name, type, writtenIn, named, "()Ljava/lang/String;")
                .dynamicInvoker().asType(MethodType.methodType(String.class, receiver));
    }

    /** {@return a body in its static form, the receiver first, that returns the title} */
    private static MethodHandle body(String title, Class<?> receiver) {
        return MethodHandles.dropArguments(MethodHandles.constant(String.class, title), 0, receiver);
    }
}
