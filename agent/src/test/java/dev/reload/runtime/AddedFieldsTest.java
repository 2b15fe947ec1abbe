package dev.reload.runtime;

import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    /** Set by the initializers below, which count their runs. */
    static int initializerRuns;

    static void initializeLives() throws Throwable {
        initializerRuns++;
        accessor("lives", "I", FieldOpcodes.PUTSTATIC, MethodType.methodType(void.class, int.class)).invoke(3);
    }

    static void throwing() {
        initializerRuns++;
        throw new IllegalStateException("no lives");
    }

    @Test
    void aStaticFieldsFirstAccessRunsItsInitializerBeforeTheAgentDoes() throws Throwable {
        initializerRuns = 0;
        AddedFields fields = AddedFields.of(Holder.class);
        MethodHandle initializer = initializer("initializeLives");
        fields.initializeOnFirstAccess("lives", "I", initializer);
        MethodHandle get = accessor("lives", "I", FieldOpcodes.GETSTATIC, MethodType.methodType(int.class));

        assertEquals(3, (int) get.invokeExact(), "a thread running the new code reads the initialized value");
        assertEquals(3, (int) get.invokeExact());
        assertNull(fields.initialize("lives", "I", initializer), "it ran, without throwing");
        assertEquals(1, initializerRuns, "once, whoever came first");
        assertFalse(fields.claimInitializer("lives", "I"), "no later reload runs it again");
    }

    @Test
    void anInitializerThatThrowsAtAFirstAccessIsReportedToTheAgentNotThrownIntoTheProgram() throws Throwable {
        initializerRuns = 0;
        AddedFields fields = AddedFields.of(Holder.class);
        MethodHandle initializer = initializer("throwing");
        fields.initializeOnFirstAccess("lost", "I", initializer);
        MethodHandle get = accessor("lost", "I", FieldOpcodes.GETSTATIC, MethodType.methodType(int.class));

        assertEquals(0, (int) get.invokeExact(), "the field keeps its default value");
        assertTrue(fields.initialize("lost", "I", initializer) instanceof IllegalStateException);
        assertEquals(1, initializerRuns);
    }

    @Test
    void aFieldWhoseInitializerWasClaimedKeepsTheValueItWasGivenAtItsFirstAccess() throws Throwable {
        initializerRuns = 0;
        AddedFields fields = AddedFields.of(Holder.class);
        MethodHandle initializer = initializer("initializeLives");
        fields.initializeOnFirstAccess("given", "I", initializer);
        MethodHandle get = accessor("given", "I", FieldOpcodes.GETSTATIC, MethodType.methodType(int.class));
        assertTrue(fields.claimInitializer("given", "I"), "a changed static initializer runs it with the others");
        fields.staticSetter("given", "I").invoke(Integer.valueOf(9));

        assertEquals(9, (int) get.invokeExact(), "the first access no longer runs the field's own initializer");
        assertEquals(0, initializerRuns);
    }

    /** The running {@code int} fields that the tests below retype to {@code long}; the code from before writes them. */
    static int runningScore;
    static int runningLevel;

    @Test
    void aRetypedStaticFieldTakesTheRunningValueAsItIsAtItsFirstAccess() throws Throwable {
        AddedFields fields = AddedFields.of(Holder.class);
        runningScore = 5;
        fields.startFrom("score", "J", runningValue("runningScore"));
        runningScore = 7; // a frame of the code from before, between the reload's preparation and its application
        assertFalse(fields.claimInitializer("score", "J"), "a changed static initializer leaves the running value");
        MethodHandle get = accessor("score", "J", FieldOpcodes.GETSTATIC, MethodType.methodType(long.class));

        assertEquals(7L, (long) get.invokeExact());
        runningScore = 9;
        assertEquals(7L, (long) get.invokeExact(), "taken once");
    }

    @Test
    void aRetypedStaticFieldTakesTheRunningValueWhenTheAgentRunsTheReloadsInitializers() throws Throwable {
        initializerRuns = 0;
        AddedFields fields = AddedFields.of(Holder.class);
        runningLevel = 5;
        fields.startFrom("level", "J", runningValue("runningLevel"));
        MethodHandle initializer = initializer("initializeLives");
        fields.initializeOnFirstAccess("level", "J", initializer);
        runningLevel = 8;

        assertNull(fields.initialize("level", "J", initializer));
        runningLevel = 9;
        assertEquals(8L, (long) accessor("level", "J", FieldOpcodes.GETSTATIC, MethodType.methodType(long.class))
                .invokeExact());
        assertEquals(0, initializerRuns, "the field's own initializer gives way to the running value");
    }

    @Test
    void anInitializerForgottenIsNotRunByAnAccess() throws Throwable {
        initializerRuns = 0;
        AddedFields fields = AddedFields.of(Holder.class);
        MethodHandle initializer = initializer("initializeLives");
        fields.initializeOnFirstAccess("spare", "I", initializer);
        fields.forgetInitializer("spare", "I");

        assertEquals(0, (int) accessor("spare", "I", FieldOpcodes.GETSTATIC, MethodType.methodType(int.class))
                .invokeExact());
        assertEquals(0, initializerRuns, "the batch that added it was not applied");
    }

    @Test
    void aFieldStartedAfreshHasNewStorageAndItsInitializerRunsAgain() throws Throwable {
        AddedFields fields = AddedFields.of(Holder.class);
        MethodHandle putBefore = accessor("round", "I", FieldOpcodes.PUTSTATIC,
                MethodType.methodType(void.class, int.class));
        MethodHandle getBefore = accessor("round", "I", FieldOpcodes.GETSTATIC, MethodType.methodType(int.class));
        MethodHandle setHealth = accessor("armor", "I", FieldOpcodes.PUTFIELD,
                MethodType.methodType(void.class, Holder.class, int.class));
        Holder early = new Holder();
        putBefore.invokeExact(7);
        setHealth.invokeExact(early, 40);
        assertTrue(fields.claimInitializer("round", "I"));

        fields.startAfresh("round", "I");
        fields.startAfresh("armor", "I");

        assertEquals(0, (int) accessor("round", "I", FieldOpcodes.GETSTATIC, MethodType.methodType(int.class))
                .invokeExact(), "added again: it starts at its default");
        assertEquals(0, (int) accessor("armor", "I", FieldOpcodes.GETFIELD,
                MethodType.methodType(int.class, Holder.class)).invokeExact(early));
        assertTrue(fields.claimInitializer("round", "I"), "its initializer runs again");
        assertEquals(7, (int) getBefore.invokeExact(), "code from before keeps what it had");
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

    @Test
    void everyTypeKeepsItsValueAsTheInstructionWouldStoreIt() throws Throwable {
        Holder holder = new Holder();
        assertRoundTrip(holder, "flag", "Z", boolean.class, true, false);
        assertRoundTrip(holder, "small", "B", byte.class, (byte) -7, (byte) 0);
        assertRoundTrip(holder, "letter", "C", char.class, 'x', (char) 0);
        assertRoundTrip(holder, "count", "S", short.class, (short) -300, (short) 0);
        assertRoundTrip(holder, "ratio", "F", float.class, 0.25f, 0f);
        assertRoundTrip(holder, "weight", "D", double.class, -1.5e300, 0d);
        assertRoundTrip(holder, "ticks", "J", long.class, Long.MIN_VALUE, 0L);
        assertRoundTrip(holder, "items", "[I", int[].class, new int[] {1}, null);
        assertRoundTrip(holder, "volatileName", "Ljava/lang/String;", String.class, "named", null);
    }

    @Test
    void volatileFieldIsReadAndWrittenWithItsType() throws Throwable {
        AddedFields.of(Holder.class).declareVolatile("running", "Z");
        MethodHandle put = accessor("running", "Z", FieldOpcodes.PUTSTATIC,
                MethodType.methodType(void.class, boolean.class));
        put.invokeExact(true);
        MethodHandle get = accessor("running", "Z", FieldOpcodes.GETSTATIC, MethodType.methodType(boolean.class));
        assertTrue((boolean) get.invokeExact());
    }

    @Test
    void writesToExistingObjectsAreNeverLostWhileOtherThreadsAddObjects() throws Throwable {
        MethodHandle get = accessor("score", "I", FieldOpcodes.GETFIELD,
                MethodType.methodType(int.class, Holder.class));
        MethodHandle put = accessor("score", "I", FieldOpcodes.PUTFIELD,
                MethodType.methodType(void.class, Holder.class, int.class));
        Holder[] mine = new Holder[64];
        for (int i = 0; i < mine.length; i++) {
            mine[i] = new Holder();
            put.invokeExact(mine[i], -1);
        }
        Thread adder = new Thread(() -> {
            Holder[] kept = new Holder[20_000];
            for (int i = 0; i < kept.length; i++) {
                kept[i] = new Holder();
                try {
                    put.invokeExact(kept[i], i);
                } catch (Throwable e) {
                    throw new AssertionError(e);
                }
            }
        });
        adder.start();
        for (int round = 0; adder.isAlive() || round < 100; round++) {
            for (int i = 0; i < mine.length; i++) {
                put.invokeExact(mine[i], round);
                assertEquals(round, (int) get.invokeExact(mine[i]), "object " + i + " in round " + round);
            }
        }
        adder.join();
    }

    private static void assertRoundTrip(Holder holder, String name, String descriptor, Class<?> type, Object value,
                                        Object defaultValue) throws Throwable {
        MethodHandle get = accessor(name, descriptor, FieldOpcodes.GETFIELD, MethodType.methodType(type, Holder.class));
        MethodHandle put = accessor(name, descriptor, FieldOpcodes.PUTFIELD,
                MethodType.methodType(void.class, Holder.class, type));
        assertEquals(defaultValue, get.invoke(new Holder()), name + " of an object never written");
        put.invoke(holder, value);
        assertEquals(value, get.invoke(holder), name);
        MethodHandle putStatic = accessor(name, descriptor, FieldOpcodes.PUTSTATIC,
                MethodType.methodType(void.class, type));
        putStatic.invoke(value);
        assertEquals(value, accessor(name, descriptor, FieldOpcodes.GETSTATIC, MethodType.methodType(type)).invoke(),
                "static " + name);
    }

    /** {@return one of this test's static methods above, as the agent hands a field's initializer on} */
    private static MethodHandle initializer(String name) throws ReflectiveOperationException {
        return MethodHandles.lookup().findStatic(AddedFieldsTest.class, name, MethodType.methodType(void.class));
    }

    /** {@return one of this test's running {@code int} fields above, read as a {@code long}, as a retype reads it} */
    private static MethodHandle runningValue(String name) throws ReflectiveOperationException {
        return MethodHandles.lookup().findStaticGetter(AddedFieldsTest.class, name, int.class)
                .asType(MethodType.methodType(long.class));
    }

    private static MethodHandle accessor(String name, String descriptor, int opcode, MethodType type) {
        return AddedFields.of(Holder.class).accessor(name, descriptor, opcode, type);
    }
}
