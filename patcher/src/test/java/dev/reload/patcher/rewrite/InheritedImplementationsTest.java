package dev.reload.patcher.rewrite;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Methods given to a loading class that call the implementations it inherits as {@code super.m(...)} would. */
class InheritedImplementationsTest {
    private static final String MIX = "(IJDLjava/lang/String;)J";

    @Test
    void theGivenMethodPassesEveryArgumentToTheSuperclasssAndReturnsItsResult() throws Exception {
        byte[] plain = classFile(Plain.class);
        byte[] declaring = InheritedImplementations.declared(plain, List.of(
                new InheritedImplementation("mix", MIX, Opcodes.ACC_PROTECTED | Opcodes.ACC_FINAL),
                new InheritedImplementation("touch", "()V", Opcodes.ACC_PUBLIC | Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC)));

        Class<?> loaded = new CompiledFixture.Loader(Map.of(Plain.class.getName(), declaring))
                .loadClass(Plain.class.getName());
        Object plainObject = loaded.getDeclaredConstructor().newInstance();
        Method mix = loaded.getDeclaredMethod("mix", int.class, long.class, double.class, String.class);
        assertTrue(Modifier.isProtected(mix.getModifiers()), "the added method's access");
        assertEquals(0, mix.getModifiers() & Modifier.FINAL, "not final: a subclass may override it");
        assertFalse(mix.isBridge() || mix.isSynthetic(), "given as the source's method");
        mix.setAccessible(true);
        assertEquals(1L + 20L + 300L + 4000L, mix.invoke(plainObject, 1, 20L, 300.0, "4000"));
        Method touch = loaded.getDeclaredMethod("touch");
        assertTrue(touch.isBridge() && touch.isSynthetic(), "given as the compiler's bridge it calls");
        touch.invoke(plainObject);
        assertEquals(1, ((Base) plainObject).touched);
    }

    @Test
    void withNoMethodToGiveTheClassFileIsTheSameArray() throws IOException {
        byte[] plain = classFile(Plain.class);
        assertSame(plain, InheritedImplementations.declared(plain, List.of()));
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        String name = type.getName();
        try (InputStream in = type.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
            return in.readAllBytes();
        }
    }

    /** Declares the methods; public, so that a subclass defined by another loader reaches them. */
    public static class Base {
        public int touched;

        protected long mix(int a, long b, double c, String d) {
            return a + b + (long) c + Long.parseLong(d);
        }

        public void touch() {
            touched++;
        }
    }

    /** Declares neither method: the test gives it both. */
    public static class Plain extends Base {
    }
}
