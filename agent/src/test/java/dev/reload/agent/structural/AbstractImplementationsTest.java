package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.AddedMethod;
import dev.reload.patcher.rewrite.InheritedImplementation;
import dev.reload.patcher.rewrite.MovedMembers;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Implementations of inherited abstract methods that a reload added: found as the edit is prepared, and given to
 * the classes that load later without their own, as those classes' superclasses run.
 */
class AbstractImplementationsTest {
    private static final String RENDER = "()Ljava/lang/String;";
    private static final InheritedImplementation PROTECTED_RENDER =
            new InheritedImplementation("render", RENDER, Opcodes.ACC_PROTECTED);
    private static final RunningClasses RUNNING = (loader, internalName) -> shape(internalName);

    /** Declares render() abstract. */
    abstract static class Unit {
        protected abstract String render();
    }

    /** A reload gives it render(), protected; it has its own bump(). */
    abstract static class Monster extends Unit {
        abstract int bump();
    }

    /** Loads after the reload, without render(). */
    abstract static class Horned extends Monster {
    }

    /** Loads after the reload, below Horned, which then runs without render() too. */
    abstract static class Deep extends Horned {
    }

    /** Loads after the reload with a render() of its own. */
    abstract static class Own extends Monster {
        @Override
        protected String render() {
            return "own";
        }
    }

    @Test
    void theAddedMethodsImplementingAnAbstractOneAreFoundWithTheAccessTheNewVersionGivesThem() throws Exception {
        AddedMethod render = new AddedMethod("render", RENDER, true, true);
        AddedMethod bump = new AddedMethod("bump", "()I", true, true);
        // The class file of Own stands in for Monster's new version: it declares render() protected.
        assertEquals(List.of(PROTECTED_RENDER), AbstractImplementations.of(Monster.class, List.of(render, bump),
                Set.of(), MovedMembers.none(), classFile(Own.class)));
        assertEquals(List.of(), AbstractImplementations.of(Monster.class, List.of(render),
                java.util.Set.of(render.key()), MovedMembers.none(), classFile(Own.class)),
                "an override of a method a reload added above is reached through that method's dispatch");
    }

    @Test
    void aClassLoadingWithoutItsOwnIsGivenOneCallingItsSuperclasssUntilTheReloadedClassDropsIt() {
        AbstractImplementations implementations = new AbstractImplementations();
        ClassLoader loader = getClass().getClassLoader();
        byte[] horned = classFile(Horned.class);
        assertSame(horned, implementations.declaredAtLoad(loader, horned, RUNNING), "no reload added one");

        implementations.applied(Monster.class, List.of(PROTECTED_RENDER));
        MethodNode given = method(implementations.declaredAtLoad(loader, horned, RUNNING), "render");
        assertEquals(Opcodes.ACC_PROTECTED, given.access);
        assertEquals(internalName(Monster.class), superCall(given).owner);
        // Horned runs without render() here: the class below it is given one naming Horned, its superclass.
        assertEquals(internalName(Horned.class), superCall(method(implementations.declaredAtLoad(loader,
                classFile(Deep.class), RUNNING), "render")).owner);
        byte[] own = classFile(Own.class);
        assertSame(own, implementations.declaredAtLoad(loader, own, RUNNING), "it has its own");

        implementations.applied(Monster.class, List.of());
        assertSame(horned, implementations.declaredAtLoad(loader, horned, RUNNING), "the reloaded class dropped it");
    }

    private static MethodInsnNode superCall(MethodNode method) {
        MethodInsnNode call = (MethodInsnNode) Arrays.stream(method.instructions.toArray())
                .filter(MethodInsnNode.class::isInstance).findFirst().orElseThrow();
        assertEquals(Opcodes.INVOKESPECIAL, call.getOpcode());
        return call;
    }

    private static MethodNode method(byte[] classFile, String name) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        return node.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    private static ClassShape shape(String internalName) {
        for (Class<?> type : new Class<?>[] {Unit.class, Monster.class, Horned.class, Deep.class, Own.class}) {
            if (internalName(type).equals(internalName)) {
                try {
                    return ClassShape.read(classFile(type));
                } catch (UnreadableClassException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    private static byte[] classFile(Class<?> type) {
        String name = type.getName();
        try (InputStream in = type.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
