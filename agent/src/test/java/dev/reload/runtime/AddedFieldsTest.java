package dev.reload.runtime;

import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddedFieldsTest {
    /** A class of its own, so that no other test shares its added fields. */
    static final class Holder {
    }

    @Test
    void instanceFieldReadsTheDefaultUntilWrittenAndKeepsOneValuePerObject() throws Throwable {
        MethodHandle get = accessor("health", "I", FieldOpcodes.GETFIELD,
                MethodType.methodType(int.class, Holder.class));
        MethodHandle put = accessor("health", "I", FieldOpcodes.PUTFIELD,
                MethodType.methodType(void.class, Holder.class, int.class));
        Holder before = new Holder();
        Holder after = new Holder();
        put.invokeExact(after, 100);
        assertEquals(0, (int) get.invokeExact(before));
        assertEquals(100, (int) get.invokeExact(after));
        assertThrows(NullPointerException.class, () -> {
            int unused = (int) get.invokeExact((Holder) null);
        });
    }

    @Test
    void staticFieldKeepsItsValueForEveryAccessorAndItsInitializerIsClaimedOnce() throws Throwable {
        MethodHandle put = accessor("count", "J", FieldOpcodes.PUTSTATIC,
                MethodType.methodType(void.class, long.class));
        put.invokeExact(41L);
        MethodHandle get = accessor("count", "J", FieldOpcodes.GETSTATIC, MethodType.methodType(long.class));
        assertEquals(41L, (long) get.invokeExact());
        assertTrue(AddedFields.of(Holder.class).claimInitializer("count", "J"));
        assertFalse(AddedFields.of(Holder.class).claimInitializer("count", "J"));
    }

    @Test
    void constantIsTheStartingValueOfAStaticField() throws Throwable {
        AddedFields.of(Holder.class).constant("ready", "Z", 1);
        MethodHandle get = accessor("ready", "Z", FieldOpcodes.GETSTATIC, MethodType.methodType(boolean.class));
        assertTrue((boolean) get.invokeExact());
    }

    @Test
    void anObjectsValueGoesWithTheObject() throws Throwable {
        MethodHandle put = accessor("tag", "Ljava/lang/String;", FieldOpcodes.PUTFIELD,
                MethodType.methodType(void.class, Holder.class, String.class));
        for (int i = 0; i < 1_000; i++) {
            put.invokeExact(new Holder(), "tag " + i);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (AddedFields.of(Holder.class).objectsHolding("tag", "Ljava/lang/String;") > 0
                && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(0, AddedFields.of(Holder.class).objectsHolding("tag", "Ljava/lang/String;"));
    }

    private static MethodHandle accessor(String name, String descriptor, int opcode, MethodType type) {
        return AddedFields.of(Holder.class).accessor(name, descriptor, opcode, type);
    }
}
