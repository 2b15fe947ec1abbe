package dev.reload.patcher.rewrite;

import dev.reload.fixtures.harness.CompilerKind;
import dev.reload.patcher.shape.JavaBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The byte-level edit pointing lambda bootstraps at the runtime ({@link SharedLambdaSites}), against ASM's. */
class SharedLambdaSitesTest {
    private static final Set<String> BOOTSTRAPS = Set.of("metafactory", "altMetafactory");

    @TempDir
    Path work;

    @Test
    void pointsEveryLambdaBootstrapOfJavaBaseAtTheRuntimeAndChangesNothingElse() {
        int pointed = 0;
        for (byte[] classFile : JavaBase.classFiles()) {
            byte[] patched = SharedLambdaSites.pointedAtRuntime(classFile);
            if (patched != classFile) {
                pointed++;
            }
            assertArrayEquals(ClassFileText.canonical(pointedByAsm(classFile)), ClassFileText.canonical(patched),
                    () -> new ClassReader(classFile).getClassName());
        }
        assertTrue(pointed > 300, "only " + pointed + " classes of java.base make lambdas");
    }

    @Test
    void pointsTheLambdasOfEveryCompilersClassFilesAndLeavesClassesWithoutLambdasAlone() {
        for (CompilerKind compiler : CompilerKind.forJava()) {
            CompiledFixture fixture = CompiledFixture.compile(work, "structural-lambdas", "v2", compiler);
            byte[] board = fixture.bytes("fixture/lambdas/Board");
            byte[] patched = SharedLambdaSites.pointedAtRuntime(board);
            assertNotSame(board, patched, compiler.label());
            assertArrayEquals(ClassFileText.canonical(pointedByAsm(board)), ClassFileText.canonical(patched));
            // Pointed once, the class file names no LambdaMetafactory bootstrap any more.
            assertSame(patched, SharedLambdaSites.pointedAtRuntime(patched), compiler.label());
        }
        byte[] withoutLambdas = CompiledFixture.compile(work, "hello", "v1").bytes("fixture/hello/Hello");
        assertSame(withoutLambdas, SharedLambdaSites.pointedAtRuntime(withoutLambdas));
    }

    /** {@return the class file as ASM writes it with the two bootstraps' owner changed, wherever they are named} */
    private static byte[] pointedByAsm(byte[] classFile) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature,
                        exceptions)) {
                    @Override
                    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
                                                       Object... arguments) {
                        super.visitInvokeDynamicInsn(name, descriptor, pointed(bootstrap), arguments);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                                                boolean isInterface) {
                        super.visitMethodInsn(opcode, isBootstrap(owner, name) ? RuntimeNames.LAMBDA_FACTORIES
                                : owner, name, descriptor, isInterface);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    private static Handle pointed(Handle bootstrap) {
        return isBootstrap(bootstrap.getOwner(), bootstrap.getName()) ? new Handle(bootstrap.getTag(),
                RuntimeNames.LAMBDA_FACTORIES, bootstrap.getName(), bootstrap.getDesc(), bootstrap.isInterface())
                : bootstrap;
    }

    private static boolean isBootstrap(String owner, String name) {
        return owner.equals(RuntimeNames.LAMBDA_METAFACTORY) && BOOTSTRAPS.contains(name);
    }
}
