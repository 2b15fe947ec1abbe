package dev.reload.agent.structural;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A value of the versions in between goes back to the type a field loaded with only as the same value. */
class FittingValueTest {
    @Test
    void wholeNumbersFitWhereTheyAreInRange() {
        assertEquals(40, FittingValue.of(40L, int.class));
        assertSame(FittingValue.NONE, FittingValue.of(1L << 40, int.class));
        assertEquals((short) -3, FittingValue.of(-3, short.class));
        assertEquals(true, FittingValue.of(1, boolean.class));
        assertSame(FittingValue.NONE, FittingValue.of(2, boolean.class));
        assertEquals(7.0, FittingValue.of(7, double.class));
        assertSame(FittingValue.NONE, FittingValue.of((1L << 53) + 1, double.class));
    }

    @Test
    void realNumbersFitAsWholeNumbersOnlyWhenIntegral() {
        assertEquals(3, FittingValue.of(3.0, int.class));
        assertSame(FittingValue.NONE, FittingValue.of(10.5, int.class));
        assertSame(FittingValue.NONE, FittingValue.of(Double.NaN, long.class));
        assertEquals(0.5f, FittingValue.of(0.5, float.class));
        assertSame(FittingValue.NONE, FittingValue.of(0.1, float.class));
    }

    @Test
    void referencesFitTheirOwnTypesAndNullFitsNoPrimitive() {
        ArrayList<String> bag = new ArrayList<>();
        assertSame(bag, FittingValue.of(bag, ArrayList.class));
        assertSame(FittingValue.NONE, FittingValue.of(List.of(), ArrayList.class));
        assertEquals(null, FittingValue.of(null, String.class));
        assertSame(FittingValue.NONE, FittingValue.of(null, int.class));
        assertSame(FittingValue.NONE, FittingValue.of("purse", int.class));
        assertEquals(5, FittingValue.of(5, Integer.class));
    }

    @Test
    void boxedValuesFitPrimitivesAndOtherBoxesAsTheSameValue() {
        assertEquals(5, FittingValue.of(Integer.valueOf(5), int.class));
        assertEquals(5L, FittingValue.of(5, Long.class));
        assertEquals(2.0, FittingValue.of(2L, Double.class));
        assertSame(FittingValue.NONE, FittingValue.of(2.5, Long.class));
        assertSame(FittingValue.NONE, FittingValue.of("purse", Long.class));
        assertEquals(true, FittingValue.eachMayFit("Ljava/lang/Integer;", "I"));
        assertEquals(true, FittingValue.eachMayFit("I", "Ljava/lang/Long;"));
        assertEquals(true, FittingValue.eachMayFit("Ljava/lang/Number;", "D"));
        assertEquals(false, FittingValue.eachMayFit("Ljava/lang/String;", "I"));
        assertEquals(false, FittingValue.eachMayFit("I", "[I"));
    }
}
