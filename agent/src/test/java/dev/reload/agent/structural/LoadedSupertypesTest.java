package dev.reload.agent.structural;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The class hierarchy a retyped field's values are kept by. */
class LoadedSupertypesTest {
    private final LoadedSupertypes supertypes = new LoadedSupertypes(LoadedSupertypesTest.class.getClassLoader());

    @Test
    void superclassesAndInterfacesAtAnyDepthAreSupertypes() {
        assertTrue(supertypes.isSupertype("java/util/List", "java/util/ArrayList"));
        assertTrue(supertypes.isSupertype("java/util/Collection", "java/util/ArrayList"), "through List");
        assertTrue(supertypes.isSupertype("java/util/AbstractCollection", "java/util/ArrayList"));
        assertTrue(supertypes.isSupertype("java/lang/CharSequence", "java/lang/String"));
        assertTrue(supertypes.isSupertype("java/lang/Iterable", "java/util/List"), "an interface's own supertypes");
    }

    @Test
    void subtypesAndStrangersAreNot() {
        assertFalse(supertypes.isSupertype("java/util/ArrayList", "java/util/List"));
        assertFalse(supertypes.isSupertype("java/util/Map", "java/util/ArrayList"));
        assertFalse(supertypes.isSupertype("java/util/List", "no/such/Type"), "a class the loader cannot find");
    }
}
