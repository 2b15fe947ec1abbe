package dev.reload.runtime;

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

    @SuppressWarnings("unused") // found by findStatic
    private static String ownUpdate(Entity self) {
        return "entity";
    }

    @Test
    void aLoaderWhoseClassOverridesADispatchingMethodIsCollectedOnceTheProgramDropsIt() throws Throwable {
        OverrideDispatch dispatch = OverrideDispatch.of(Entity.class, "update()Ljava/lang/String;");
        dispatch.ownBody(MethodHandles.lookup().findStatic(OverrideDispatchTest.class, "ownUpdate", UPDATE));
        MethodHandle call = dispatch.dispatchSite(UPDATE).dynamicInvoker();

        WeakReference<ClassLoader> modLoader = overriddenInALoaderOfItsOwn(dispatch, call);

        assertTrue(ModLoader.collected(modLoader), "the dispatch keeps the overriding class's loader");
        assertEquals("entity", (String) call.invokeExact(new Entity()));
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
