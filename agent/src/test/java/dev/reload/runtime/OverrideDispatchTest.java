package dev.reload.runtime;

import dev.reload.agent.structural.other.PackageEntity;
import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.WeakReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dispatch of a method an added override made dispatching, with overriding classes of other loaders. */
class OverrideDispatchTest {
    private static final MethodType UPDATE = MethodType.methodType(String.class, Entity.class);

    /** The declaring class, of the test's loader. */
    public static class Entity {
    }

    /** {@return the dispatch of a method of Entity with {@code key}, its own body {@link #ownUpdate}} */
    private static OverrideDispatch dispatching(String key) throws ReflectiveOperationException {
        OverrideDispatch dispatch = OverrideDispatch.of(Entity.class, key);
        dispatch.ownBody(MethodHandles.lookup().findStatic(OverrideDispatchTest.class, "ownUpdate", UPDATE));
        return dispatch;
    }

    @SuppressWarnings("unused") // found by findStatic
    private static String ownUpdate(Entity self) {
        return "entity";
    }

    @Test
    void aLoaderWhoseClassOverridesADispatchingMethodIsCollectedOnceTheProgramDropsIt() throws Throwable {
        OverrideDispatch dispatch = dispatching("update()Ljava/lang/String;");
        MethodHandle call = dispatch.dispatchSite(UPDATE).dynamicInvoker();

        WeakReference<ClassLoader> modLoader = overriddenInALoaderOfItsOwn(dispatch, call);

        assertTrue(ModLoader.collected(modLoader), "the dispatch keeps the overriding class's loader");
        assertEquals("entity", (String) call.invokeExact(new Entity()));
    }

    @Test
    void aPackageMethodMadePublicChoosesWhatClassesOfOtherPackagesDeclareOnlyWhileItIsPublic() throws Throwable {
        MethodType update = MethodType.methodType(int.class, PackageEntity.class, int.class);
        OverrideDispatch dispatch = OverrideDispatch.of(PackageEntity.class, "update(I)I");
        dispatch.ownBody(MethodHandles.lookup().findStatic(OverrideDispatchTest.class, "ownBonus", update));
        MethodHandle call = dispatch.dispatchSite(update).dynamicInvoker();
        dispatch.overriddenBy(Gaining.class, MethodHandles.lookup().findStatic(OverrideDispatchTest.class,
                "addedBonus", update));

        dispatch.choosesDeclared(true);
        assertEquals(11, (int) call.invokeExact((PackageEntity) new Declaring(), 1), "declared by the class");
        assertEquals(11, (int) call.invokeExact((PackageEntity) new BelowDeclaring(), 1), "by a superclass");
        assertEquals(101, (int) call.invokeExact((PackageEntity) new Gaining(), 1), "added by a reload");
        assertEquals(1, (int) call.invokeExact(new PackageEntity(), 1));

        // Package access again: under it, no method of another package overrides the declaration.
        dispatch.choosesDeclared(false);
        assertEquals(1, (int) call.invokeExact((PackageEntity) new Declaring(), 1));
        assertEquals(1, (int) call.invokeExact((PackageEntity) new Gaining(), 1));
    }

    @Test
    void classesRunningTheOwnBodyAreTestedExactlyUpToTheBoundAndChooseAgainWhenTheOverridesChange() throws Throwable {
        OverrideDispatch dispatch = dispatching("inherited()Ljava/lang/String;");
        MethodHandle call = dispatch.dispatchSite(UPDATE).dynamicInvoker();
        MethodHandle added = MethodHandles.lookup().findStatic(OverrideDispatchTest.class, "addedUpdate", UPDATE);
        dispatch.overriddenBy(Overriding.class, added);

        assertEquals("entity", (String) call.invokeExact((Entity) new Inheriting()));
        assertEquals("entity", (String) call.invokeExact((Entity) new Inheriting()));
        assertEquals("added", (String) call.invokeExact((Entity) new Overriding()));
        assertEquals("entity", (String) call.invokeExact(new Entity()));
        assertEquals(1, dispatch.classTests(), "only the inheriting class, once");

        Entity[] others = {new Sibling1(), new Sibling2(), new Sibling3(), new Sibling4(), new BelowInheriting()};
        for (Entity other : others) {
            assertEquals("entity", (String) call.invokeExact(other));
        }
        assertEquals(DispatchChain.CLASS_TESTS, dispatch.classTests(), "bounded");
        for (Entity other : others) {
            assertEquals("entity", (String) call.invokeExact(other), "past the bound, through the table");
        }

        // A reload overrides a class that had a test of its own: the tests are dropped, its subclass inherits it.
        dispatch.overriddenBy(Inheriting.class, added);
        assertEquals(0, dispatch.classTests());
        assertEquals("added", (String) call.invokeExact((Entity) new Inheriting()));
        assertEquals("added", (String) call.invokeExact((Entity) new BelowInheriting()));
        assertEquals("entity", (String) call.invokeExact((Entity) new Sibling1()));
        assertEquals(2, dispatch.classTests(), "the subclass inheriting the override, and the sibling");

        // The override is removed again: both run the own body, each with a test of its own again.
        dispatch.overriddenBy(Inheriting.class, null);
        assertEquals("entity", (String) call.invokeExact((Entity) new BelowInheriting()));
        assertEquals("entity", (String) call.invokeExact((Entity) new Inheriting()));
        assertEquals("added", (String) call.invokeExact((Entity) new Overriding()));
        assertEquals(2, dispatch.classTests());
    }

    @Test
    void classesDeclaringAMethodAReloadAddedAreTestedExactlyWithTheirOwn() throws Throwable {
        OverrideDispatch dispatch = OverrideDispatch.of(Entity.class, "own()Ljava/lang/String;");
        dispatch.addedByReload(MethodHandles.lookup().findStatic(OverrideDispatchTest.class, "ownUpdate", UPDATE));
        MethodHandle call = dispatch.dispatchSite(UPDATE).dynamicInvoker();

        assertEquals("declared", (String) call.invokeExact((Entity) new DeclaresOwn()));
        assertEquals("declared", (String) call.invokeExact((Entity) new DeclaresOwn()));
        assertEquals("declared", (String) call.invokeExact((Entity) new BelowDeclaresOwn()));
        assertEquals("entity", (String) call.invokeExact(new Entity()));
        assertEquals(2, dispatch.classTests(), "each declaring and inheriting class, once");
    }

    @Test
    void aLoaderWhoseClassRunsTheOwnBodyWithATestOfItsOwnIsCollectedOnceTheProgramDropsIt() throws Throwable {
        OverrideDispatch dispatch = dispatching("modded()Ljava/lang/String;");
        MethodHandle call = dispatch.dispatchSite(UPDATE).dynamicInvoker();

        WeakReference<ClassLoader> modLoader = inheritedInALoaderOfItsOwn(dispatch, call);

        assertTrue(ModLoader.collected(modLoader), "the exact-class test keeps the inheriting class's loader");
        assertEquals("entity", (String) call.invokeExact(new Entity()));
    }

    /** {@return the loader of a subclass that ran the own body through the dispatch, dropped on return} */
    private static WeakReference<ClassLoader> inheritedInALoaderOfItsOwn(OverrideDispatch dispatch,
                                                                        MethodHandle call) throws Throwable {
        ClassLoader loader = new ModLoader(OverrideDispatchTest.class.getClassLoader(),
                ModdedEntity.class.getName());
        Entity object = (Entity) loader.loadClass(ModdedEntity.class.getName()).getConstructor().newInstance();
        assertEquals("entity", (String) call.invokeExact(object));
        assertEquals(1, dispatch.classTests());
        return new WeakReference<>(loader);
    }

    @SuppressWarnings("unused") // found by findStatic
    private static String addedUpdate(Entity self) {
        return "added";
    }

    /** Inherit the own body; a reload overrode their sibling. */
    public static class Inheriting extends Entity {
    }

    public static class BelowInheriting extends Inheriting {
    }

    public static class DeclaresOwn extends Entity {
        public String own() {
            return "declared";
        }
    }

    public static class BelowDeclaresOwn extends DeclaresOwn {
    }

    public static class Sibling1 extends Entity {
    }

    public static class Sibling2 extends Entity {
    }

    public static class Sibling3 extends Entity {
    }

    public static class Sibling4 extends Entity {
    }

    /** Gains the override in a reload. */
    public static class Overriding extends Entity {
    }

    @SuppressWarnings("unused") // found by findStatic
    private static int ownBonus(PackageEntity self, int x) {
        return x;
    }

    @SuppressWarnings("unused") // found by findStatic
    private static int addedBonus(PackageEntity self, int x) {
        return 100 + x;
    }

    /** Declares update(int) in another package than its superclass's package-access one. */
    public static class Declaring extends PackageEntity {
        public int update(int x) {
            return 10 + x;
        }
    }

    /** Inherits Declaring's. */
    public static class BelowDeclaring extends Declaring {
    }

    /** Gains update(int) in a reload, in another package than its superclass. */
    public static class Gaining extends PackageEntity {
    }

    /** {@return the loader of a subclass whose override the dispatch and a super call reach, dropped on return} */
    private static WeakReference<ClassLoader> overriddenInALoaderOfItsOwn(OverrideDispatch dispatch,
                                                                         MethodHandle call) throws Throwable {
        ClassLoader loader = new ModLoader(OverrideDispatchTest.class.getClassLoader(),
                ModdedEntity.class.getName());
        Class<?> modded = loader.loadClass(ModdedEntity.class.getName());
        // Looked up from the class itself: the test's loader has a ModdedEntity of its own.
        MethodHandles.Lookup own = MethodHandles.privateLookupIn(modded, MethodHandles.lookup());
        dispatch.overriddenBy(modded, own.findStatic(modded, "update",
                MethodType.methodType(String.class, modded)));
        Entity object = (Entity) modded.getConstructor().newInstance();
        assertEquals("modded", (String) call.invokeExact(object));
        MethodHandle superCall = dispatch.superCall(modded, UPDATE, call).dynamicInvoker();
        assertEquals("modded", (String) superCall.invokeExact(object));
        return new WeakReference<>(loader);
    }
}
