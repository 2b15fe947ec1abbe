package dev.reload.patcher.rewrite;

import dev.reload.fixtures.harness.CompilerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Each compiler's switch over the weapons, read for the case each constant takes, the new one included. */
class SwitchCasesTest {
    private static final String WEAPON = "fixture/enums/Weapon";
    private static final Map<String, Integer> CASES = Map.of("SWORD", 1, "BOW", 2, "STAFF", 3);

    @Test
    void readsJavacsSwitchMapClass(@TempDir Path work) {
        byte[] switchMap = CompiledFixture.compile(work, "enum-constants", "v2").bytes("fixture/enums/Arsenal$1");

        assertEquals(Map.of("$SwitchMap$fixture$enums$Weapon", CASES), SwitchCases.of(switchMap, WEAPON));
    }

    @Test
    void readsTheEclipseCompilersTableMethod(@TempDir Path work) {
        byte[] arsenal = CompiledFixture.compile(work, "enum-constants", "v2", CompilerKind.ECJ)
                .bytes("fixture/enums/Arsenal");

        assertEquals(Map.of("$SWITCH_TABLE$fixture$enums$Weapon", CASES), SwitchCases.of(arsenal, WEAPON));
    }

    @Test
    void readsKotlincsWhenMappings(@TempDir Path work) {
        byte[] mappings = CompiledFixture.compile(work, "kotlin-enum-constants", "v2", CompilerKind.KOTLINC)
                .bytes("fixture/ktenums/Arsenal$WhenMappings");

        assertEquals(Map.of("$EnumSwitchMapping$0", CASES), SwitchCases.of(mappings, "fixture/ktenums/Weapon"));
    }

    @Test
    void buildsTheInitializerOfOneArrayOfASwitchMapClassOverSeveralEnums(@TempDir Path work) {
        ClassNode switchMaps = ClassFiles.read(CompiledFixture.compile(work, "enum-constants", "v3")
                .bytes("fixture/enums/Scout$1"));

        MethodNode initializer = SwitchCases.initializerOf(switchMaps, "$SwitchMap$fixture$enums$Grip", "grips");

        List<String> stored = new ArrayList<>();
        for (AbstractInsnNode insn : initializer.instructions) {
            if (insn instanceof FieldInsnNode field) {
                stored.add(field.getOpcode() == Opcodes.GETSTATIC ? field.name : "set " + field.name);
            }
        }
        assertEquals(List.of("ONE_HANDED", "TWO_HANDED", "set $SwitchMap$fixture$enums$Grip"), stored);
        assertNull(SwitchCases.initializerOf(switchMaps, "$SwitchMap$fixture$enums$Other", "none"));
    }

    @Test
    void findsNoTableOverAnotherEnum(@TempDir Path work) {
        byte[] switchMap = CompiledFixture.compile(work, "enum-constants", "v2").bytes("fixture/enums/Arsenal$1");

        assertEquals(Map.of(), SwitchCases.of(switchMap, "fixture/enums/Other"));
    }
}
