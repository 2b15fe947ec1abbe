package dev.reload.patcher.rewrite;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which field type changes keep every value. */
class FieldConversionTest {
    /** A hierarchy of two: {@code ArrayList} is a {@code List}. */
    private static final FieldConversion.Supertypes LISTS = new FieldConversion.Supertypes() {
        @Override
        public boolean isSupertype(String supertype, String type) {
            return supertype.equals("java/util/List") && type.equals("java/util/ArrayList");
        }
    };

    @Test
    void primitivesWidenOnlyWhereEveryValueFits() {
        assertTrue(FieldConversion.keepsValue("I", "J", LISTS));
        assertTrue(FieldConversion.keepsValue("I", "D", LISTS));
        assertFalse(FieldConversion.keepsValue("I", "F", LISTS), "a float cannot hold every int");
        assertFalse(FieldConversion.keepsValue("D", "J", LISTS));
        assertTrue(FieldConversion.keepsValue("I", "Ljava/lang/Integer;", LISTS));
        assertTrue(FieldConversion.keepsValue("I", "Ljava/lang/Number;", LISTS));
        assertFalse(FieldConversion.keepsValue("Z", "Ljava/lang/Number;", LISTS));
    }

    @Test
    void aReferenceWidensToItsSupertypes() {
        assertTrue(FieldConversion.keepsValue("Ljava/util/ArrayList;", "Ljava/util/List;", LISTS));
        assertTrue(FieldConversion.keepsValue("Ljava/util/ArrayList;", "Ljava/lang/Object;", LISTS));
        assertFalse(FieldConversion.keepsValue("Ljava/util/List;", "Ljava/util/ArrayList;", LISTS), "a narrowing");
        assertFalse(FieldConversion.keepsValue("Ljava/util/ArrayList;", "Ljava/util/List;",
                FieldConversion.Supertypes.NONE), "no hierarchy known: only Object");
        assertFalse(FieldConversion.keepsValue("Ljava/lang/Integer;", "I", LISTS), "null has no int");
    }

    @Test
    void anArrayWidensByItsComponentsOrToWhatEveryArrayIs() {
        assertTrue(FieldConversion.keepsValue("[Ljava/util/ArrayList;", "[Ljava/util/List;", LISTS));
        assertTrue(FieldConversion.keepsValue("[[I", "[Ljava/lang/Object;", LISTS), "an int[] is an Object");
        assertTrue(FieldConversion.keepsValue("[I", "Ljava/lang/Cloneable;", LISTS));
        assertTrue(FieldConversion.keepsValue("[I", "Ljava/io/Serializable;", LISTS));
        assertFalse(FieldConversion.keepsValue("[I", "[J", LISTS), "no widening of an array's primitives");
        assertFalse(FieldConversion.keepsValue("[Ljava/util/List;", "[Ljava/util/ArrayList;", LISTS));
        assertFalse(FieldConversion.keepsValue("[I", "[Ljava/lang/Object;", LISTS));
    }
}
