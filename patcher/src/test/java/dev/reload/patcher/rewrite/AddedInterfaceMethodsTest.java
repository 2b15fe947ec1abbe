package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicVerifier;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.reload.patcher.rewrite.DispatchingDeclarationsTest.instructions;
import static dev.reload.patcher.rewrite.DispatchingDeclarationsTest.method;
import static dev.reload.patcher.rewrite.DispatchingDeclarationsTest.methodKeys;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rewrite behind methods added to an interface: an abstract one moves to the companion with a body that throws
 * {@link AbstractMethodError}, a default one with its body, the interface keeps its declared members, and
 * {@code Shape.super.m()} and {@code super.m()} reaching a method added to an interface link through the runtime.
 */
class AddedInterfaceMethodsTest {
    private static final String SHAPE = "fixture/interfaces/Shape";
    private static final String CIRCLE = "fixture/interfaces/Circle";
    private static final String BLOB = "fixture/interfaces/Blob";
    private static final MemberKey NAME = new MemberKey("name", "()Ljava/lang/String;");
    private static final MemberKey SIDES = new MemberKey("sides", "()I");
    /** Shape's added methods, as the engine sees them once the batch adding them is known. */
    private static final MovedMembers SHAPE_ADDS = new MovedMembers() {
        @Override
        public boolean isMoved(String owner, String name, String descriptor) {
            return owner.equals(SHAPE) && Set.of(NAME, SIDES).contains(new MemberKey(name, descriptor));
        }

        @Override
        public String movedMethodDeclarer(String owner, String name, String descriptor) {
            // Named through a class implementing Shape, it is followed up to Shape, as the engine's view does.
            return Set.of(NAME, SIDES).contains(new MemberKey(name, descriptor)) ? SHAPE : null;
        }
    };

    @TempDir
    Path work;

    @Test
    void theAbstractMethodsAddedToAnInterfaceAreFoundAndNoneToAClass() {
        CompiledFixture before = CompiledFixture.compile(work.resolve("v5"), "structural-interfaces", "v5");
        CompiledFixture after = CompiledFixture.compile(work.resolve("v6"), "structural-interfaces", "v6");

        assertEquals(Set.of(NAME), AddedInterfaceMethods.abstractOnes(before.bytes(SHAPE), after.bytes(SHAPE)));
        assertEquals(Set.of(), AddedInterfaceMethods.abstractOnes(before.bytes(CIRCLE), after.bytes(CIRCLE)));
    }

    @Test
    void anAbstractMethodMovesWithABodyThatThrowsAndADefaultOneWithItsOwn()
            throws UnsupportedEditException, AnalyzerException {
        byte[] running = LoadTimeAugmenter.augment(CompiledFixture.compile(work.resolve("v5"),
                "structural-interfaces", "v5").bytes(SHAPE), 8);
        byte[] updated = CompiledFixture.compile(work.resolve("v6"), "structural-interfaces", "v6").bytes(SHAPE);
        StructuralRewrite rewrite = StructuralRewriter.rewrite(running, updated, MovedMembers.none());

        assertEquals(methodKeys(ClassFiles.read(running)), methodKeys(ClassFiles.read(rewrite.target())),
                "the interface keeps exactly its declared members");
        assertEquals(List.of(new AddedMethod("name", NAME.descriptor(), true, true),
                new AddedMethod("sides", SIDES.descriptor(), true, true)), rewrite.moved());
        ClassNode companion = ClassFiles.read(rewrite.companion());
        MethodNode name = method(companion, "name", "(L" + SHAPE + ";)Ljava/lang/String;");
        assertEquals(Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE, name.access);
        assertTrue(instructions(name).get(0) instanceof TypeInsnNode created
                && created.desc.equals("java/lang/AbstractMethodError"), "it makes an AbstractMethodError");
        assertEquals(Opcodes.ATHROW, instructions(name).get(instructions(name).size() - 1).getOpcode());
        new Analyzer<>(new BasicVerifier()).analyze(companion.name, name);
        MethodNode sides = method(companion, "sides", "(L" + SHAPE + ";)I");
        assertEquals(List.of(Opcodes.ICONST_0, Opcodes.IRETURN),
                instructions(sides).stream().map(AbstractInsnNode::getOpcode).toList(), "the default body");
    }

    @Test
    void superCallsOfAMethodAddedToAnInterfaceLinkThroughTheRuntimeByTheClassTheyName()
            throws UnsupportedEditException {
        CompiledFixture before = CompiledFixture.compile(work.resolve("v6"), "structural-interfaces", "v6");
        CompiledFixture after = CompiledFixture.compile(work.resolve("v7"), "structural-interfaces", "v7");

        // Circle: Shape.super.sides(); Blob: super.sides(), named by Square, which inherits it from Shape.
        Map<String, String> named = Map.of(CIRCLE, SHAPE, BLOB, "fixture/interfaces/Square");
        for (Map.Entry<String, String> each : named.entrySet()) {
            StructuralRewrite rewrite = StructuralRewriter.rewrite(LoadTimeAugmenter.augment(
                    before.bytes(each.getKey()), 8), null, after.bytes(each.getKey()), SHAPE_ADDS, Set.of(SIDES));
            MethodNode moved = method(ClassFiles.read(rewrite.companion()), "sides", "(L" + each.getKey() + ";)I");
            List<InvokeDynamicInsnNode> links = instructions(moved).stream()
                    .filter(InvokeDynamicInsnNode.class::isInstance).map(InvokeDynamicInsnNode.class::cast).toList();
            assertEquals(1, links.size(), each.getKey());
            assertEquals(RuntimeNames.LINK_SUPER, links.get(0).bsm.getName(), each.getKey());
            assertArrayEquals(new Object[] {Type.getObjectType(each.getKey()), Type.getObjectType(each.getValue()),
                    "()I"}, links.get(0).bsmArgs, each.getKey());
        }
    }
}
