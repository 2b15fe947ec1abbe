package dev.reload.runtime;

import org.junit.jupiter.api.Test;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runtime's registries with classes of a loader the program drops, like a mod's: the runtime lives on the boot
 * class path and so as long as the JVM, and must keep no such loader from being collected, whatever a class of the
 * program's own loader (here the test's) holds for it.
 */
class ModLoaderTest {
    private static final String ENTITY = "Ljava/lang/Object;";
    private static final MethodType DESCRIBE = MethodType.methodType(String.class, OverrideDispatchTest.Entity.class);

    @SuppressWarnings("unused") // found by findStatic
    private static String ownDescribe(OverrideDispatchTest.Entity self) {
        return "entity";
    }

    @Test
    void anAddedFieldOfAModsObjectThatRefersToTheObjectKeepsNeitherTheObjectNorItsLoader() throws Throwable {
        MethodHandle read = field(FieldOpcodes.GETFIELD, MethodType.methodType(Object.class,
                OverrideDispatchTest.Entity.class));
        OverrideDispatchTest.Entity mine = new OverrideDispatchTest.Entity();
        field(FieldOpcodes.PUTFIELD, MethodType.methodType(void.class, OverrideDispatchTest.Entity.class,
                Object.class)).invokeExact(mine, (Object) mine);

        WeakReference<ClassLoader> modLoader = writtenByAModsObject(read);

        assertTrue(ModLoader.collected(modLoader), "the added field keeps the mod's object and so its loader");
        assertSame(mine, (Object) read.invokeExact(mine));
        assertEquals(1, AddedFields.of(OverrideDispatchTest.Entity.class).objectsHolding("target", ENTITY));
    }

    @Test
    void aSuperCallWrittenInAModsClassKeepsNoLoader() throws Throwable {
        OverrideDispatch dispatch = OverrideDispatch.of(OverrideDispatchTest.Entity.class,
                "describe()Ljava/lang/String;");
        dispatch.ownBody(MethodHandles.lookup().findStatic(ModLoaderTest.class, "ownDescribe", DESCRIBE));

        WeakReference<ClassLoader> modLoader = calledSuperFromAModsClass(dispatch);

        assertTrue(ModLoader.collected(modLoader), "the super call's dispatch keeps the mod's loader");
    }

    @Test
    void aModsMovedMethodsAndLambdasKeepNoLoader() throws Throwable {
        WeakReference<ClassLoader> modLoader = linkedInAModsClass();

        assertTrue(ModLoader.collected(modLoader), "the runtime keeps the loader of a class whose calls it linked");
    }

    private static WeakReference<ClassLoader> writtenByAModsObject(MethodHandle read) throws Throwable {
        ClassLoader loader = new ModLoader(ModLoaderTest.class.getClassLoader(), ModdedEntity.class.getName());
        OverrideDispatchTest.Entity modded = (OverrideDispatchTest.Entity) loader.loadClass(
                ModdedEntity.class.getName()).getConstructor().newInstance();
        MethodHandle write = field(FieldOpcodes.PUTFIELD, MethodType.methodType(void.class,
                OverrideDispatchTest.Entity.class, Object.class));
        write.invokeExact(modded, (Object) modded);
        assertSame(modded, (Object) read.invokeExact(modded));
        assertEquals(2, AddedFields.of(OverrideDispatchTest.Entity.class).objectsHolding("target", ENTITY));
        return new WeakReference<>(loader);
    }

    private static WeakReference<ClassLoader> calledSuperFromAModsClass(OverrideDispatch dispatch) throws Throwable {
        ClassLoader loader = new ModLoader(ModLoaderTest.class.getClassLoader(), ModdedEntity.class.getName());
        Class<?> modded = loader.loadClass(ModdedEntity.class.getName());
        // super.describe() written in the mod's class: typed with it as the receiver, as the agent links it.
        MethodType type = MethodType.methodType(String.class, modded);
        MethodHandle superCall = dispatch.superCall(OverrideDispatchTest.Entity.class, type,
                ClassLinks.throwing(type, "describe() is not linked")).dynamicInvoker().asType(DESCRIBE);
        assertEquals("entity", (String) superCall.invokeExact(
                (OverrideDispatchTest.Entity) modded.getConstructor().newInstance()));
        return new WeakReference<>(loader);
    }

    private static WeakReference<ClassLoader> linkedInAModsClass() throws Throwable {
        ClassLoader loader = new ModLoader(ModLoaderTest.class.getClassLoader(), ModdedEntity.class.getName());
        Class<?> modded = loader.loadClass(ModdedEntity.class.getName());
        MethodHandles.Lookup own = (MethodHandles.Lookup) modded.getMethod("lookup").invoke(null);
        MethodType update = MethodType.methodType(String.class, modded);
        ClassLinks links = ClassLinks.of(modded);
        links.lookup(own);
        links.commit(Map.of("update()Ljava/lang/String;", own.findStatic(modded, "update", update)));
        CallSite moved = Linkage.method(own, "update", update, modded, "()Ljava/lang/String;");
        Object object = modded.getConstructor().newInstance();
        assertEquals("modded", (String) moved.dynamicInvoker().invoke(object));
        CallSite lambda = LambdaFactories.metafactory(own, "get", MethodType.methodType(Supplier.class, modded),
                MethodType.methodType(Object.class), own.findStatic(modded, "update", update),
                MethodType.methodType(String.class));
        assertEquals("modded", ((Supplier<?>) lambda.dynamicInvoker().invoke(object)).get());
        return new WeakReference<>(loader);
    }

    private static MethodHandle field(int opcode, MethodType type) {
        return AddedFields.of(OverrideDispatchTest.Entity.class).accessor("target", ENTITY, opcode, type);
    }
}
