package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicVerifier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rewrite behind overrides added to subclasses: a declaration made to dispatch on the receiver's class (its
 * body moved to a class of own bodies), and {@code super.m()} in moved code linked through the runtime.
 */
class DispatchingDeclarationsTest {
    private static final String ENTITY = "fixture/overrides/Entity";
    private static final String BOSS = "fixture/overrides/Boss";
    private static final String UPDATE = "(Ljava/lang/StringBuilder;)V";

    @TempDir
    Path work;

    @Test
    void aDeclarationMadeToDispatchCallsItsDispatchAndItsBodyMovesToTheOwnBodies() throws AnalyzerException {
        byte[] running = LoadTimeAugmenter.augment(CompiledFixture.compile(work, "structural-overrides", "v1")
                .bytes(ENTITY), 8);
        DispatchingDeclarations.Dispatching made = DispatchingDeclarations.dispatch(running,
                Set.of(new MemberKey("update", UPDATE)));

        ClassNode target = ClassFiles.read(made.target());
        ClassNode before = ClassFiles.read(running);
        assertEquals(methodKeys(before), methodKeys(target), "the class keeps exactly its declared members");
        MethodNode update = method(target, "update", UPDATE);
        assertEquals(List.of(Opcodes.ALOAD, Opcodes.ALOAD, Opcodes.INVOKEDYNAMIC, Opcodes.RETURN), opcodes(update));
        InvokeDynamicInsnNode dispatch = (InvokeDynamicInsnNode) update.instructions.get(2);
        assertEquals(new Handle(Opcodes.H_INVOKESTATIC, RuntimeNames.LINKAGE, RuntimeNames.LINK_DISPATCH,
                RuntimeNames.LINK_DISPATCH_DESCRIPTOR, false), dispatch.bsm);
        assertEquals("(L" + ENTITY + ";" + UPDATE.substring(1), dispatch.desc);
        assertArrayEquals(new Object[] {Type.getObjectType(ENTITY), UPDATE}, dispatch.bsmArgs);
        new Analyzer<>(new BasicVerifier()).analyze(ENTITY, update);

        ClassNode ownBodies = ClassFiles.read(made.ownBodies());
        MethodNode ownBody = method(ownBodies, "update", "(L" + ENTITY + ";" + UPDATE.substring(1));
        assertEquals(Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE, ownBody.access);
        assertTrue(instructions(ownBody).stream().anyMatch(insn -> insn instanceof FieldInsnNode field
                && field.name.equals("x") && field.getOpcode() == Opcodes.PUTFIELD), "the body the class wrote");
        new Analyzer<>(new BasicVerifier()).analyze(ownBodies.name, ownBody);
        assertEquals(List.of(new AddedMethod("update", UPDATE, true, true)), made.methods());
    }

    @Test
    void aDeclarationThatDispatchesAlreadyIsKeptAsItRuns() {
        byte[] running = LoadTimeAugmenter.augment(CompiledFixture.compile(work, "structural-overrides", "v1")
                .bytes(ENTITY), 8);
        Set<MemberKey> update = Set.of(new MemberKey("update", UPDATE));
        byte[] dispatching = DispatchingDeclarations.dispatch(running, update).target();

        assertNull(DispatchingDeclarations.dispatch(dispatching, update),
                "its body is the dispatch, never to become its own body");
    }

    @Test
    void superCallsOfMovedCodeLinkThroughTheRuntimeAndAddedOverridesAreCalledVirtually()
            throws UnsupportedEditException {
        byte[] running = LoadTimeAugmenter.augment(CompiledFixture.compile(work, "structural-overrides", "v1")
                .bytes(BOSS), 8);
        byte[] updated = CompiledFixture.compile(work, "structural-overrides", "v3").bytes(BOSS);
        StructuralRewrite rewrite = StructuralRewriter.rewrite(running, null, updated, MovedMembers.none(),
                Set.of(new MemberKey("update", UPDATE)));

        MethodNode moved = method(ClassFiles.read(rewrite.companion()), "update",
                "(L" + BOSS + ";" + UPDATE.substring(1));
        List<InvokeDynamicInsnNode> superCalls = instructions(moved).stream()
                .filter(InvokeDynamicInsnNode.class::isInstance).map(InvokeDynamicInsnNode.class::cast).toList();
        assertEquals(1, superCalls.size());
        assertEquals(RuntimeNames.LINK_SUPER, superCalls.get(0).bsm.getName());
        assertArrayEquals(new Object[] {Type.getObjectType(BOSS), Type.getObjectType("fixture/overrides/Enemy"),
                UPDATE}, superCalls.get(0).bsmArgs);
        assertTrue(instructions(moved).stream().noneMatch(insn -> insn.getOpcode() == Opcodes.INVOKESPECIAL),
                "only the class itself may make an invokespecial super call");
    }

    static MethodNode method(ClassNode node, String name, String descriptor) {
        return node.methods.stream().filter(m -> m.name.equals(name) && m.desc.equals(descriptor)).findFirst()
                .orElseThrow(() -> new AssertionError(node.name + " has no " + name + descriptor));
    }

    static List<String> methodKeys(ClassNode node) {
        return node.methods.stream().map(m -> m.name + m.desc + "/" + m.access).toList();
    }

    static List<AbstractInsnNode> instructions(MethodNode method) {
        List<AbstractInsnNode> real = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn.getOpcode() >= 0) {
                real.add(insn);
            }
        }
        return real;
    }

    private static List<Integer> opcodes(MethodNode method) {
        return instructions(method).stream().map(AbstractInsnNode::getOpcode).toList();
    }
}
