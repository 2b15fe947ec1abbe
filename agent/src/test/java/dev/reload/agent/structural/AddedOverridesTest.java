package dev.reload.agent.structural;

import dev.reload.agent.structural.other.PackageEntity;
import dev.reload.patcher.rewrite.AddedMethod;
import dev.reload.patcher.rewrite.MovedMembers;
import dev.reload.patcher.rewrite.UnsupportedEditException;
import dev.reload.patcher.shape.MemberKey;
import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Which declaration an added method overrides, as the JVM runs the classes: watched superclasses (those with the
 * load-time accessor, declared by hand here) at any depth are reached through their dispatch; what no dispatch can
 * reach is refused with the method as written and the reason.
 */
class AddedOverridesTest {
    private static final AddedMethod UPDATE = new AddedMethod("update", "(I)I", true, true);

    @Test
    void theNearestWatchedDeclarationAboveIsWhatAnOverrideAtAnyDepthReaches() throws UnsupportedEditException {
        assertEquals(Map.of(UPDATE.key(), Entity.class), declarers(Enemy.class, List.of(UPDATE)));
        assertEquals(Map.of(UPDATE.key(), Entity.class), declarers(Boss.class, List.of(UPDATE)));
        assertEquals(Map.of(), declarers(Boss.class,
                List.of(new AddedMethod("heal", "(I)I", true, true))), "a new method overrides nothing");
        assertEquals(Map.of(), declarers(Boss.class,
                List.of(new AddedMethod("update", "(I)I", false, false))), "a static method overrides nothing");
    }

    @Test
    void aDefaultMethodIsWhatAnOverrideReachesWhenNoSuperclassDeclaresTheMethod() throws UnsupportedEditException {
        assertEquals(Map.of(UPDATE.key(), Drawable.class), declarers(Sprite.class, List.of(UPDATE)));
        assertEquals(Map.of(UPDATE.key(), Drawable.class), declarers(Shadow.class, List.of(UPDATE)),
                "inherited through the superclass");
        assertEquals(Map.of(UPDATE.key(), Entity.class), declarers(Hero.class, List.of(UPDATE)),
                "a superclass's declaration is chosen over a default method");
        assertEquals(Map.of(UPDATE.key(), Layered.class), declarers(Tile.class, List.of(UPDATE)),
                "the most specific default method, whatever the order of the interfaces");
    }

    @Test
    void anOverrideBelowTheConcreteImplementationOfAnAbstractMethodReachesThatImplementation()
            throws UnsupportedEditException {
        assertEquals(Map.of(UPDATE.key(), Triangle.class), declarers(Wedge.class, List.of(UPDATE)),
                "the nearest concrete declaration below the abstract one dispatches");
    }

    @Test
    void aPackageMethodOfAnotherPackageIsOverriddenOnlyOnceAReloadMadeItProtectedOrPublic()
            throws UnsupportedEditException {
        assertEquals(Map.of(), declarers(Raider.class, List.of(UPDATE)),
                "under package access a method of another package overrides nothing (JVMS 5.4.5)");
        MovedMembers widened = new MovedMembers() {
            @Override
            public boolean isMoved(String ownerInternalName, String name, String descriptor) {
                return false;
            }

            @Override
            public boolean isWidened(String declarer, String name, String descriptor) {
                return declarer.equals(PackageEntity.class.getName().replace('.', '/'))
                        && new MemberKey(name, descriptor).equals(UPDATE.key());
            }
        };
        assertEquals(Map.of(UPDATE.key(), PackageEntity.class), AddedOverrides.declarers(Raider.class,
                List.of(UPDATE), widened, RunningClasses.NONE));
        assertEquals(Map.of(UPDATE.key(), PackageEntity.class), AddedOverrides.reachedByDispatch(Raider.class,
                List.of(UPDATE), widened, RunningClasses.NONE), "its calls stay virtual, for the dispatch to choose");
    }

    @Test
    void methodsOfUnwatchedClassesAreRefusedAsWritten() {
        assertEquals("fixture.Player: method added: toString() — it overrides java.lang.Object.toString(), declared"
                + " in a class the agent does not watch (the JDK's or a library's), whose calls cannot be made to"
                + " reach a method added on a running JVM; restart to apply",
                refusal(Enemy.class, new AddedMethod("toString", "()Ljava/lang/String;", true, true)));
    }

    @Test
    void anImplementationOfAnInheritedAbstractMethodNeedsNoDispatchAndIsFoundAsSuch()
            throws UnsupportedEditException {
        AddedMethod run = new AddedMethod("run", "()V", true, true);
        assertEquals(Map.of(), declarers(Task.class, List.of(run)), "an interface's abstract method, unwatched");
        assertEquals(Map.of(), declarers(Square.class, List.of(UPDATE)), "a superclass's abstract method");
        assertEquals(List.of(run), AddedOverrides.abstractImplementations(Task.class, List.of(run),
                MovedMembers.none()));
        assertEquals(List.of(UPDATE), AddedOverrides.abstractImplementations(Square.class, List.of(UPDATE),
                MovedMembers.none()));
        assertEquals(List.of(), AddedOverrides.abstractImplementations(Wedge.class, List.of(UPDATE),
                MovedMembers.none()), "below a concrete implementation it overrides that one");
        assertEquals(List.of(), AddedOverrides.abstractImplementations(Square.class,
                List.of(new AddedMethod("update", "(I)I", false, false)), MovedMembers.none()),
                "a static method implements nothing");
    }

    private static String refusal(Class<?> type, AddedMethod method) {
        UnsupportedEditException refused = assertThrows(UnsupportedEditException.class,
                () -> declarers(type, List.of(method)));
        return refused.refusal().line().replace(type.getName(), "fixture.Player");
    }

    /** Watched: it has the accessor the agent adds when a class loads. */
    static class Entity {
        @SuppressWarnings("unused") // found by name, as the agent's accessor is
        private static MethodHandles.Lookup $reload$lookup() {
            return MethodHandles.lookup();
        }

        public int update(int x) {
            return x;
        }
    }

    static class Enemy extends Entity {
    }

    static class Boss extends Enemy {
    }

    /** Watched, with a default method. */
    interface Drawable {
        @SuppressWarnings("unused") // found by name, as the agent's accessor is
        private static MethodHandles.Lookup $reload$lookup() {
            return MethodHandles.lookup();
        }

        default int update(int x) {
            return x + 1;
        }
    }

    /** Watched, overriding the default method of the interface it extends. */
    interface Layered extends Drawable {
        @SuppressWarnings("unused") // found by name, as the agent's accessor is
        private static MethodHandles.Lookup $reload$lookup() {
            return MethodHandles.lookup();
        }

        @Override
        default int update(int x) {
            return x + 2;
        }
    }

    static class Sprite implements Drawable {
    }

    static class Shadow extends Sprite {
    }

    static class Hero extends Entity implements Drawable {
    }

    static class Tile implements Drawable, Layered {
    }

    abstract static class Task implements Runnable {
    }

    abstract static class Shape {
        public abstract int update(int x);
    }

    abstract static class Square extends Shape {
    }

    /** Watched, implementing the abstract method of its superclass. */
    static class Triangle extends Square {
        @SuppressWarnings("unused") // found by name, as the agent's accessor is
        private static MethodHandles.Lookup $reload$lookup() {
            return MethodHandles.lookup();
        }

        @Override
        public int update(int x) {
            return 3 * x;
        }
    }

    static class Wedge extends Triangle {
    }

    /** In another package than its superclass, whose update(int) has package access. */
    static class Raider extends PackageEntity {
    }

    private static Map<MemberKey, Class<?>> declarers(Class<?> type, List<AddedMethod> added)
            throws UnsupportedEditException {
        return AddedOverrides.declarers(type, added, MovedMembers.none(), RunningClasses.NONE);
    }
}
