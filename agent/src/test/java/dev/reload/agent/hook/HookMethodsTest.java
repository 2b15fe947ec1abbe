package dev.reload.agent.hook;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HookMethodsTest {
    /** A program's own marker, nested, with the default class-file retention. */
    @interface OnReload {
    }

    /** Another marker, visible at run time. */
    @Retention(RetentionPolicy.RUNTIME)
    @interface NotAHook {
    }

    static class Game {
        @OnReload
        static void rebuild() {
        }

        @OnReload
        static int count() {
            return 0;
        }

        @OnReload
        void instanceMethodIsNoHook() {
        }

        @OnReload
        static void parameterMeansNoHook(int level) {
        }

        @NotAHook
        static void otherAnnotation() {
        }

        @OnReload
        static void reloadAssets(List<java.nio.file.Path> assets) {
        }

        @OnReload
        void instanceAssetMethodIsNoHook(List<java.nio.file.Path> assets) {
        }
    }

    @Test
    void findsStaticNoArgumentMethodsMarkedOnReloadInClassFileOrder() throws IOException {
        assertEquals(List.of("rebuild", "count"), HookMethods.in(classFile(Game.class)));
    }

    @Test
    void findsStaticMethodsTakingAListAsAssetHooksAndOnlyThose() throws IOException {
        assertEquals(List.of("reloadAssets"), HookMethods.assetHooksIn(classFile(Game.class)));
        assertEquals(List.of(), HookMethods.assetHooksIn(classFile(HookMethodsTest.class)));
    }

    @Test
    void recognisesTheSimpleNameInAnyPackage() {
        assertTrue(HookMethods.isOnReload("Lcom/example/OnReload;"));
        assertTrue(HookMethods.isOnReload("LOnReload;"));
        assertTrue(HookMethods.isOnReload("Lgame/Annotations$OnReload;"));
        assertFalse(HookMethods.isOnReload("Lgame/NotOnReload;"));
    }

    @Test
    void aClassWithoutTheAnnotationHasNoHooks() throws IOException {
        assertEquals(List.of(), HookMethods.in(classFile(HookMethodsTest.class)));
    }

    @Test
    void findsTheAnnotationDescriptorAnywhereInTheBytes() {
        byte[] part = {'O', 'n', ';'};
        assertTrue(HookMarks.contains(new byte[] {'O', 'n', ';'}, part));
        assertTrue(HookMarks.contains(new byte[] {1, 'O', 'O', 'n', ';'}, part));
        assertFalse(HookMarks.contains(new byte[] {'O', 'n', ':', 'O', 'n'}, part));
        assertFalse(HookMarks.contains(new byte[] {'n', ';'}, part));
    }

    @Test
    void looksForTheAnnotationDescriptorAtTheEndsOfThePoolsStrings() throws IOException {
        assertTrue(HookMarks.mayDeclareHooks(classFile(Game.class)));
        assertFalse(HookMarks.mayDeclareHooks(classFile(NotAHook.class)));
        byte[] descriptorEnd = {'O', 'n', 'R', 'e', 'l', 'o', 'a', 'd', ';'};
        for (Class<?> type : List.of(Game.class, NotAHook.class, HookMethodsTest.class, HookMarks.class)) {
            byte[] classFile = classFile(type);
            assertEquals(HookMarks.contains(classFile, descriptorEnd),
                    HookMarks.anyStringEndsWith(classFile, descriptorEnd), type.getName());
        }
    }

    @Test
    void searchesBytesThePoolWalkCannotFollowWhole() throws IOException {
        byte[] classFile = classFile(Game.class);
        byte[] unknownTag = classFile.clone();
        unknownTag[10] = 99; // the first pool entry's tag
        assertTrue(HookMarks.mayDeclareHooks(unknownTag));
        byte[] cut = Arrays.copyOf(classFile, 40);
        assertEquals(HookMarks.contains(cut, new byte[] {'O', 'n', 'R', 'e', 'l', 'o', 'a', 'd', ';'}),
                HookMarks.mayDeclareHooks(cut));
        assertFalse(HookMarks.mayDeclareHooks(new byte[0]));
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        String name = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
