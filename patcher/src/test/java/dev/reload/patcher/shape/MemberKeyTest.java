package dev.reload.patcher.shape;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemberKeyTest {
    @Test
    void aMethodAndAFieldOfOneNameAreTwoKeys() {
        MemberKey method = new MemberKey("health", "()I");
        MemberKey field = new MemberKey("health", "I");
        assertTrue(method.isMethod());
        assertFalse(field.isMethod());
        assertNotEquals(method, field);
        assertEquals(new MemberKey("health", "I"), field);
    }

    @Test
    void keysOfTheSameNameAndDescriptorAreEqualWithOneHashAndOthersAreNot() {
        MemberKey key = new MemberKey("update", "(F)V");
        MemberKey same = new MemberKey(new String("update"), new String("(F)V"));
        assertEquals(key, same);
        assertEquals(key.hashCode(), same.hashCode());
        assertNotEquals(key, new MemberKey("update", "(D)V"));
        assertNotEquals(key, new MemberKey("render", "(F)V"));
        assertNotEquals(new MemberKey("ab", "(F)V"), new MemberKey("a", "b(F)V"));
    }

    @Test
    void theRuntimeKnowsAMethodByNameAndDescriptorAndAFieldWithAColonBetween() {
        assertEquals("update(F)V", new MemberKey("update", "(F)V").runtimeKey());
        assertEquals("health:I", new MemberKey("health", "I").runtimeKey());
    }

    @Test
    void aKeyNeedsANameAndADescriptor() {
        assertThrows(IllegalArgumentException.class, () -> new MemberKey("", "I"));
        assertThrows(NullPointerException.class, () -> new MemberKey("health", null));
    }
}
