package dev.reload.patcher.rewrite;

import dev.reload.fixtures.harness.CompilerKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnlistedNestmateTest {
    private static final String HUD = "fixture/named/Hud";
    private static final String GAUGE = HUD + "$Gauge";

    private static final Map<Integer, String> OPCODE_NAMES = Map.of(Opcodes.GETFIELD, "GETFIELD",
            Opcodes.INVOKESTATIC, "INVOKESTATIC", Opcodes.NEW, "NEW");

    @TempDir
    Path work;

    /** As the agent answers for a running Hud of version 1: its members and its nested class Gauge's are private. */
    private static final UnlistedNestmate.NestPrivacy RUNNING_NEST =
            (owner, name, descriptor) -> owner.equals(HUD) ? !name.equals("<init>") : owner.equals(GAUGE);

    @ParameterizedTest
    @EnumSource(value = CompilerKind.class, names = {"JAVAC", "ECJ"})
    void aNestedClassTheRunningHostDoesNotListBecomesItsOwnHostAndReachesTheNestThroughTheRuntime(
            CompilerKind compiler) throws Exception {
        CompiledFixture v2 = CompiledFixture.compile(work, "structural-named-nested", "v2", compiler);
        byte[] badge = UnlistedNestmate.rewrite(v2.bytes(HUD + "$Badge"), RUNNING_NEST);
        ClassNode node = ClassFiles.read(badge);

        assertNull(node.nestHostClass);
        assertEquals(HUD, NestAttributes.nestHostOf(v2.bytes(HUD + "$Badge")));
        assertNull(NestAttributes.nestHostOf(badge));
        for (MethodNode method : node.methods) {
            assertEquals(0, method.access & Opcodes.ACC_PRIVATE, method.name);
        }
        for (FieldNode field : node.fields) {
            assertEquals(0, field.access & Opcodes.ACC_PRIVATE, field.name);
        }
        assertEquals(List.of("score GETFIELD", "secret INVOKESTATIC", "new NEW", "level GETFIELD"),
                sites(method(node, "show")));
        // Method references and `new Gauge(a ? b : c)` too, whatever shape the compiler gives them.
        for (MethodNode method : node.methods) {
            for (AbstractInsnNode insn : method.instructions) {
                assertFalse(namesTheNest(insn), method.name + " still reaches the nest directly");
            }
        }

        Class<?> loaded = Class.forName("fixture.named.Hud$Badge", true, new CompiledFixture.Loader(
                Map.of("fixture.named.Hud", v2.bytes(HUD), "fixture.named.Hud$Badge", badge)));
        // Defined, verified and initialized under its own name, its own nest host although its outer class lists it.
        assertEquals("fixture.named.Hud$Badge", loaded.getName());
        assertSame(loaded, loaded.getNestHost());
        assertTrue(java.lang.reflect.Modifier.isPrivate(loaded.getModifiers()), "InnerClasses keeps its modifiers");
    }

    /** A private interface method becomes public (an interface has no package access); its own calls stay direct. */
    @ParameterizedTest
    @EnumSource(value = CompilerKind.class, names = {"JAVAC", "ECJ"})
    void anInterfacesPrivateMethodBecomesPublicAndItsOwnCallsStayNonVirtual(CompilerKind compiler) {
        CompiledFixture v2 = CompiledFixture.compile(work, "structural-named-nested", "v2", compiler);
        ClassNode named = ClassFiles.read(UnlistedNestmate.rewrite(v2.bytes(HUD + "$Named"), RUNNING_NEST));
        assertEquals(Opcodes.ACC_PUBLIC, method(named, "wrap").access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PRIVATE));
        List<Integer> calls = new ArrayList<>();
        for (AbstractInsnNode insn : method(named, "wrapped").instructions) {
            if (insn instanceof MethodInsnNode call && call.name.equals("wrap")) {
                calls.add(call.getOpcode());
                assertTrue(call.itf);
            }
        }
        assertEquals(List.of(Opcodes.INVOKESPECIAL), calls);
    }

    private static MethodNode method(ClassNode node, String name) {
        return node.methods.stream().filter(method -> method.name.equals(name)).findFirst().orElseThrow();
    }

    private static boolean namesTheNest(AbstractInsnNode insn) {
        if (insn instanceof FieldInsnNode field) {
            return field.owner.equals(HUD) || field.owner.equals(GAUGE);
        }
        if (insn instanceof MethodInsnNode call) {
            return call.owner.equals(HUD) || call.owner.equals(GAUGE);
        }
        if (insn instanceof TypeInsnNode type) {
            return type.getOpcode() == Opcodes.NEW && type.desc.equals(GAUGE);
        }
        if (insn instanceof InvokeDynamicInsnNode site) {
            for (Object argument : site.bsmArgs) {
                if (argument instanceof Handle handle && (handle.getOwner().equals(HUD)
                        || handle.getOwner().equals(GAUGE))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@return each invokedynamic of the runtime's nest bootstrap for a member: its name and the opcode it replaced} */
    private static List<String> sites(MethodNode method) {
        List<String> sites = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof InvokeDynamicInsnNode site && site.bsm.getOwner().equals(RuntimeNames.NEST_ACCESS)
                    && site.bsm.getName().equals(RuntimeNames.LINK_NEST_MEMBER)) {
                assertTrue(site.bsmArgs[0] instanceof Type);
                sites.add(site.name + " " + OPCODE_NAMES.get((Integer) site.bsmArgs[2]));
            }
        }
        return sites;
    }
}
