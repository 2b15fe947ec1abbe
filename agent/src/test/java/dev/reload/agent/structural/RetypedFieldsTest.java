package dev.reload.agent.structural;

import dev.reload.patcher.diff.FieldChange;
import dev.reload.patcher.rewrite.AddedField;
import dev.reload.runtime.AddedFields;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A field retyped twice starts from the field the version running uses, not from the one the class loaded with. */
class RetypedFieldsTest {
    /** Loaded with an {@code int} level; the versions below retype it. */
    static final class Player {
        static int level = 3;
    }

    @Test
    void aSecondRetypeStartsFromTheFirstRetypesValue() throws Throwable {
        AddedFields fields = AddedFields.of(Player.class);
        // int → long: the long field starts from the running int, then the version running writes it.
        RetypedFields.startFromRunningValues(Player.class, List.of(field("J")), fields);
        assertEquals(3L, (long) fields.reader("level", "J", true).invokeExact());
        fields.staticSetter("level", "J").invoke(Long.valueOf(40));

        // long → Long keeps each value: it starts from the long field, where 40 is, not from the int's 3.
        RetypedFields.startFromRunningValues(Player.class, List.of(field("Ljava/lang/Long;")), fields);
        assertEquals(40L, fields.reader("level", "Ljava/lang/Long;", true).invoke());
        assertEquals("Ljava/lang/Long;", fields.retypedTo("level"));

        fields.retype("level", null); // back to the int field
        assertNull(fields.retypedTo("level"));
    }

    /** Loaded with an {@code int} speed and a {@code long} score; the version below makes both {@code float}. */
    static final class Ship {
        static int speed = 5;
        static long score = (1L << 40) + 1;
    }

    @Test
    void aRetypeBetweenPrimitivesKeepsEachValueTheNewTypeHoldsExactly() throws Throwable {
        AddedFields fields = AddedFields.of(Ship.class);
        RetypedFields.startFromRunningValues(Ship.class, List.of(new AddedField("speed", "F", true, null, false),
                new AddedField("score", "F", true, null, false)), fields);

        assertEquals(5.0f, (float) fields.reader("speed", "F", true).invokeExact());
        assertEquals(0.0f, (float) fields.reader("score", "F", true).invokeExact(), "no float is 2^40 + 1");
    }

    /** Loaded with two lists; the version below holds them as an {@code ArrayList}. */
    static final class Bag {
        static java.util.List<String> items = new java.util.ArrayList<>(java.util.List.of("gem"));
        static java.util.List<String> fixed = java.util.List.of("key");
    }

    @Test
    void aRetypeToASubtypeKeepsEachValueOfThatSubtype() throws Throwable {
        AddedFields fields = AddedFields.of(Bag.class);
        String arrayList = "Ljava/util/ArrayList;";
        RetypedFields.startFromRunningValues(Bag.class, List.of(new AddedField("items", arrayList, true, null, false),
                new AddedField("fixed", arrayList, true, null, false)), fields);

        assertEquals(List.of("gem"), fields.reader("items", arrayList, true).invoke());
        assertNull(fields.reader("fixed", arrayList, true).invoke(), "List.of is no ArrayList");
    }

    /** Loaded with boxed counts, one of them null; the version below makes them {@code int}. */
    static final class Purse {
        static Integer coins = 12;
        static Integer gems;
    }

    @Test
    void aRetypeFromABoxToItsPrimitiveKeepsEachValueAndNullStartsAtZero() throws Throwable {
        AddedFields fields = AddedFields.of(Purse.class);
        RetypedFields.startFromRunningValues(Purse.class, List.of(new AddedField("coins", "I", true, null, false),
                new AddedField("gems", "I", true, null, false)), fields);

        assertEquals(12, (int) fields.reader("coins", "I", true).invokeExact());
        assertEquals(0, (int) fields.reader("gems", "I", true).invokeExact());
    }

    /** Loaded with an {@code int} wave; the version below makes it {@code long}, the next one {@code int} again. */
    static final class Spawner {
        static int wave = 2;
    }

    @Test
    void aRetypeBackIsForgottenOnlyOnceTheJvmTookTheBatch() throws Throwable {
        AddedFields fields = AddedFields.of(Spawner.class);
        RetypedFields.startFromRunningValues(Spawner.class, List.of(new AddedField("wave", "J", true, null, false)),
                fields);
        fields.staticSetter("wave", "J").invoke(Long.valueOf(9));
        List<FieldChange.TypeChanged> back = List.of(new FieldChange.TypeChanged("wave", "J", "I", Opcodes.ACC_STATIC));
        Map<String, Map<Object, Object>> returned = new HashMap<>();

        RetypedFields.returnValues(Spawner.class, back, returned, false);
        assertEquals(9, Spawner.wave);
        assertEquals("J", fields.retypedTo("wave"), "refused now, the long version runs on: a next retype starts there");
        RetypedFields.returnValues(Spawner.class, back, returned, true);
        assertNull(fields.retypedTo("wave"));
    }

    /** Loaded with a boxed count; the versions below make it {@code int}, {@code Integer} again, then {@code int}. */
    static final class Wallet {
        static Integer coins = 5;
    }

    @Test
    void aRetypeToATypeAnEarlierVersionHadStartsFromTheRunningFieldNotFromWhatItHeldThen() throws Throwable {
        AddedFields fields = AddedFields.of(Wallet.class);
        AddedField asInt = new AddedField("coins", "I", true, null, false);
        RetypedFields.startFromRunningValues(Wallet.class, List.of(asInt), fields);
        assertEquals(5, (int) fields.reader("coins", "I", true).invokeExact());
        fields.retype("coins", null); // back to the Integer field, which the game then writes
        Wallet.coins = 40;

        RetypedFields.startFromRunningValues(Wallet.class, List.of(asInt), fields);
        assertEquals(40, (int) fields.reader("coins", "I", true).invokeExact(), "not the 5 the int version held");
    }

    private static AddedField field(String descriptor) {
        return new AddedField("level", descriptor, true, null, false);
    }
}
