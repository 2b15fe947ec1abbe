package dev.reload.agent.watch;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NestedClassFilesTest {
    private static final Path ANONYMOUS = Path.of("/game/demo/Hud$1.class");

    @Test
    void aNestedClassFileBelongsToItsOutermostClassFile() {
        assertEquals(Path.of("/game/demo/Hud.class"), NestedClassFiles.outerFile(ANONYMOUS));
        assertEquals(Path.of("/game/demo/Hud.class"), NestedClassFiles.outerFile(Path.of("/game/demo/Hud$Badge$1.class")));
        assertNull(NestedClassFiles.outerFile(Path.of("/game/demo/Hud.class")));
    }

    @Test
    void aNestedClassTheOuterNoLongerNamesWasRemovedFromTheSource() {
        assertTrue(NestedClassFiles.removedFromSource(ANONYMOUS, outer()));
        assertFalse(NestedClassFiles.removedFromSource(ANONYMOUS, outer("demo/Hud$1")), "a rebuild writes it again");
        assertFalse(NestedClassFiles.removedFromSource(ANONYMOUS, outer("demo/Hud$10")),
                "a longer name that starts with it counts as naming it: wait rather than apply too early");
    }

    /** {@return the class file of demo.Hud listing the given nest members, as javac writes them} */
    private static byte[] outer(String... nestMembers) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "demo/Hud", null, "java/lang/Object", null);
        for (String member : nestMembers) {
            writer.visitNestMember(member);
            writer.visitInnerClass(member, null, null, 0);
        }
        writer.visitEnd();
        return writer.toByteArray();
    }
}
