package dev.reload.patcher.rewrite;

import dev.reload.fixtures.harness.CompilerKind;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.FieldShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A first enum switch compiled by ECJ adds a cache field to the class itself; the rewrite does without it. */
class SwitchTablesTest {
    private static final String SHOP = "fixture/nestmates/Shop";
    private static final String TABLE = "$SWITCH_TABLE$fixture$nestmates$Size";

    @Test
    void firstEnumSwitchFromEcjKeepsTheRunningFieldsAndMovesAnUncachedTableMethod(@TempDir Path work)
            throws Exception {
        byte[] running = LoadTimeAugmenter.augment(
                CompiledFixture.compile(work, "structural-anonymous", "v1", CompilerKind.ECJ).bytes(SHOP), 8);
        byte[] updated = CompiledFixture.compile(work, "structural-anonymous", "v2", CompilerKind.ECJ).bytes(SHOP);
        assertTrue(ClassShape.read(updated).field(TABLE).isPresent(), "ECJ must keep the table in the class");

        StructuralRewrite rewrite = StructuralRewriter.rewrite(running, updated, MovedMembers.none());

        List<String> runningFields = ClassShape.read(running).fields().stream().map(FieldShape::name).toList();
        assertEquals(runningFields, ClassShape.read(rewrite.target()).fields().stream().map(FieldShape::name).toList());
        assertTrue(rewrite.moved().stream().anyMatch(method -> method.describe().equals(TABLE + "()")),
                () -> "moved: " + rewrite.moved());
        ClassNode companion = ClassFiles.read(rewrite.companion());
        for (MethodNode method : companion.methods) {
            for (AbstractInsnNode insn : method.instructions) {
                assertFalse(insn instanceof FieldInsnNode field && field.name.equals(TABLE),
                        () -> method.name + " still uses the dropped field " + TABLE);
            }
        }
    }
}
