package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Super calls of dispatching methods, written in methods a class declares, linked through the runtime. */
class LinkedSuperCallsTest {
    private static final String UPDATE = "(Ljava/lang/StringBuilder;)V";
    private static final Set<MemberKey> DISPATCHING = Set.of(new MemberKey("update", UPDATE));

    @TempDir
    Path work;

    @Test
    void aSuperCallOfADispatchingMethodLinksThroughTheRuntimeWithTheClassAndTheClassItNames() {
        CompiledFixture fixture = CompiledFixture.compile(work, "structural-overrides", "v1");

        ClassNode elite = ClassFiles.read(LinkedSuperCalls.linked(fixture.bytes("fixture/overrides/Elite"),
                DISPATCHING));

        InvokeDynamicInsnNode call = only(method(elite, "react"), InvokeDynamicInsnNode.class);
        assertEquals(CallSiteRedirector.LINK_SUPER, call.bsm);
        assertEquals("update", call.name);
        assertEquals("(Lfixture/overrides/Elite;Ljava/lang/StringBuilder;)V", call.desc);
        assertEquals(List.of(Type.getObjectType("fixture/overrides/Elite"),
                Type.getObjectType("fixture/overrides/Enemy"), UPDATE), List.of(call.bsmArgs));
        // The constructor's super(...) stays as the JVM requires it.
        assertEquals("<init>", only(method(elite, "<init>"), MethodInsnNode.class).name);
    }

    @Test
    void aClassThatMakesNoSuchSuperCallIsTheSameArray() {
        CompiledFixture fixture = CompiledFixture.compile(work, "structural-overrides", "v1");
        byte[] entity = fixture.bytes("fixture/overrides/Entity");
        byte[] guard = fixture.bytes("fixture/overrides/Guard");

        assertSame(entity, LinkedSuperCalls.linked(entity, DISPATCHING));
        assertSame(guard, LinkedSuperCalls.linked(guard, Set.of(new MemberKey("update", "()V"))));
    }

    private static MethodNode method(ClassNode node, String name) {
        return node.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    private static <T extends AbstractInsnNode> T only(MethodNode method, Class<T> kind) {
        List<T> found = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (kind.isInstance(insn)) {
                found.add(kind.cast(insn));
            }
        }
        assertEquals(1, found.size(), () -> method.name + " makes " + found.size() + " such calls");
        return found.get(0);
    }
}
