package dev.reload.patcher.rewrite;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModifierEditTest {
    private static final String GAME = "demo.Game";

    @Test
    void whatChangesHowCallsAreMadeMovesTheMethod() throws Exception {
        assertEquals(ModifierEdit.MOVE, edit(Opcodes.ACC_PRIVATE, Opcodes.ACC_PUBLIC));
        assertEquals(ModifierEdit.MOVE, edit(Opcodes.ACC_PUBLIC, Opcodes.ACC_PRIVATE));
        assertEquals(ModifierEdit.MOVE, edit(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, Opcodes.ACC_PUBLIC));
        assertEquals(ModifierEdit.MOVE, edit(Opcodes.ACC_PUBLIC, Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNCHRONIZED));
        assertEquals(ModifierEdit.MOVE, edit(Opcodes.ACC_STATIC, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC),
                "a static method widened is called the same way from anywhere");
    }

    @Test
    void narrowingOrFinalKeepsTheMethodInPlace() throws Exception {
        assertEquals(ModifierEdit.SAME, edit(Opcodes.ACC_PUBLIC, Opcodes.ACC_PUBLIC));
        assertEquals(ModifierEdit.IN_PLACE, edit(Opcodes.ACC_PUBLIC, Opcodes.ACC_PROTECTED));
        assertEquals(ModifierEdit.IN_PLACE, edit(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, Opcodes.ACC_PUBLIC));
        assertEquals(ModifierEdit.IN_PLACE, edit(Opcodes.ACC_PUBLIC, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL));
    }

    @Test
    void aProtectedMethodMadePublicStaysInPlaceWithItsCallsLinked() throws Exception {
        assertEquals(ModifierEdit.WIDEN, edit(Opcodes.ACC_PROTECTED, Opcodes.ACC_PUBLIC));
        assertEquals(ModifierEdit.WIDEN, edit(Opcodes.ACC_PROTECTED, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL));
        assertEquals(ModifierEdit.IN_PLACE, edit(Opcodes.ACC_PUBLIC, Opcodes.ACC_PROTECTED),
                "narrowing back runs in place: the running access is the narrower one again");
    }

    @Test
    void aPackageMethodWidenedStaysInPlaceAndDispatchesAStaticOneMoves() throws Exception {
        assertEquals(ModifierEdit.WIDEN_PACKAGE, edit(0, Opcodes.ACC_PROTECTED));
        assertEquals(ModifierEdit.WIDEN_PACKAGE, edit(0, Opcodes.ACC_PUBLIC));
        assertEquals(ModifierEdit.WIDEN_PACKAGE, edit(Opcodes.ACC_FINAL, Opcodes.ACC_PUBLIC));
        assertEquals(ModifierEdit.SAME, edit(0, 0), "narrowed back: the running declaration kept package access");
        assertEquals(ModifierEdit.MOVE, edit(0, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC),
                "widened and made static is a removal and an addition");
    }

    @Test
    void aBodyKindChangedIsRefusedWithTheReason() {
        UnsupportedEditException madeAbstract = assertThrows(UnsupportedEditException.class,
                () -> edit(Opcodes.ACC_PUBLIC, Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT));
        assertEquals("method modifiers changed: update()", madeAbstract.refusal().member());
        assertEquals("it became or stopped being abstract or native, which the running JVM cannot apply",
                madeAbstract.refusal().reason());
    }

    private static ModifierEdit edit(int running, int next) throws UnsupportedEditException {
        return ModifierEdit.of(new MethodNode(running, "update", "()V", null, null),
                new MethodNode(next, "update", "()V", null, null), GAME);
    }
}
