package dev.reload.patcher.rewrite;

import dev.reload.patcher.diff.BatchDiff;
import dev.reload.patcher.shape.ClassShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassRenamerTest {
    private static final String HUD = "fixture/anonymous/Hud";

    @TempDir
    Path work;

    /**
     * Version 2 inserts an anonymous class before the counter: renamed, the counter is the running Hud$1 again and
     * the new class is Hud$9, and the three load and run together as nestmates reading Hud's private field.
     */
    @Test
    void renamedClassesTakeTheRunningNamesAndStayNestmates() throws Exception {
        CompiledFixture v1 = CompiledFixture.compile(work, "anonymous-inserted", "v1");
        CompiledFixture v2 = CompiledFixture.compile(work, "anonymous-inserted", "v2");
        Map<String, String> renaming = Map.of(HUD + "$2", HUD + "$1", HUD + "$1", HUD + "$9");
        byte[] hud = ClassRenamer.rename(v2.bytes(HUD), renaming);
        byte[] counter = ClassRenamer.rename(v2.bytes(HUD + "$2"), renaming);
        byte[] reset = ClassRenamer.rename(v2.bytes(HUD + "$1"), renaming);

        ClassShape counterShape = ClassShape.read(counter);
        assertEquals(HUD + "$1", counterShape.internalName());
        assertTrue(BatchDiff.sameCode(ClassShape.read(v1.bytes(HUD + "$1")), counterShape));
        assertEquals(HUD + "$9", ClassShape.read(reset).internalName());
        assertEquals(Set.of(HUD + "$1", HUD + "$9"), Set.copyOf(ClassShape.read(hud).nestMembers()));

        Class<?> type = new CompiledFixture.Loader(Map.of("fixture.anonymous.Hud", hud, "fixture.anonymous.Hud$1",
                counter, "fixture.anonymous.Hud$9", reset)).loadClass("fixture.anonymous.Hud");
        Object instance = type.getConstructor().newInstance();
        Runnable counting = (Runnable) type.getMethod("counter").invoke(instance);
        Runnable resetting = (Runnable) type.getMethod("reset").invoke(instance);
        Field frames = type.getDeclaredField("frames");
        frames.setAccessible(true);
        counting.run();
        counting.run();
        assertEquals(2, frames.getInt(instance));
        resetting.run();
        assertEquals(0, frames.getInt(instance));
        assertEquals("fixture.anonymous.Hud$1", counting.getClass().getName());
        assertEquals("fixture.anonymous.Hud$9", resetting.getClass().getName());
    }

    @Test
    void noRenamingGivesTheSameArray() {
        byte[] classFile = CompiledFixture.compile(work, "anonymous-inserted", "v1").bytes(HUD);
        assertSame(classFile, ClassRenamer.rename(classFile, Map.of()));
    }
}
