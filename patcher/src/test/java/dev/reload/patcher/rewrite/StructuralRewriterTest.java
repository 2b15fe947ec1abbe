package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.MethodShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StructuralRewriterTest {
    private static final String GAME = "fixture/structural/Game";
    private static final String MAIN = "fixture/structural/Main";

    @TempDir
    static Path work;
    private static CompiledFixture v1;
    private static CompiledFixture v2;
    private static CompiledFixture v4;

    @BeforeAll
    static void compile() {
        v1 = CompiledFixture.compile(work, "structural-methods", "v1");
        v2 = CompiledFixture.compile(work, "structural-methods", "v2");
        v4 = CompiledFixture.compile(work, "structural-methods", "v4");
    }

    @Test
    void targetDeclaresExactlyTheRunningMembersAndTheCompanionTheAddedOnes() throws Exception {
        byte[] running = LoadTimeAugmenter.augment(v1.bytes(GAME), 8);
        StructuralRewrite rewrite = StructuralRewriter.rewrite(running, v2.bytes(GAME), MovedMembers.none());

        ClassShape before = ClassShape.read(running);
        ClassShape target = ClassShape.read(rewrite.target());
        assertEquals(keys(before), keys(target));
        assertEquals(before.fields(), target.fields());
        assertEquals(before.nestMembers(), target.nestMembers());

        Set<String> moved = rewrite.moved().stream().map(MovedMethod::describe).collect(Collectors.toSet());
        assertEquals(Set.of("describe(String)", "twice(int)", "ticker()", "lambda$frame$0()", "lambda$ticker$1()"),
                moved);
        ClassShape companion = ClassShape.read(rewrite.companion());
        assertEquals(GAME + RuntimeNames.COMPANION_SUFFIX, companion.internalName());
        for (MethodShape method : companion.methods()) {
            assertTrue((method.access() & Opcodes.ACC_STATIC) != 0, method.name() + " must be static");
        }
        assertTrue(companion.method("describe", "(L" + GAME + ";Ljava/lang/String;)Ljava/lang/String;").isPresent(),
                "an instance method takes its receiver first");
        assertTrue(companion.method("twice", "(I)I").isPresent());
    }

    @Test
    void removedMethodThrowsNamingTheReload() throws Exception {
        byte[] running = LoadTimeAugmenter.augment(v1.bytes(GAME), 8);
        StructuralRewrite rewrite = StructuralRewriter.rewrite(running, v4.bytes(GAME), MovedMembers.none());
        Class<?> game = new CompiledFixture.Loader(Map.of("fixture.structural.Game", rewrite.target()))
                .loadClass("fixture.structural.Game");
        Object instance = game.getConstructor().newInstance();
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> game.getMethod("legacy").invoke(instance));
        NoSuchMethodError error = assertInstanceOf(NoSuchMethodError.class, thrown.getCause());
        assertEquals("fixture.structural.Game.legacy() was removed by a reload; the code calling it is older than"
                + " the class", error.getMessage());
    }

    @Test
    void membersAnotherAgentAddedAtLoadTimeAreKeptWithTheirCode() throws Exception {
        byte[] running = withCoverageProbe(LoadTimeAugmenter.augment(v1.bytes(GAME), 8));
        StructuralRewrite rewrite = StructuralRewriter.rewrite(running, v2.bytes(GAME), MovedMembers.none());
        ClassShape before = ClassShape.read(running);
        ClassShape target = ClassShape.read(rewrite.target());
        MethodShape probe = target.method("$jacocoInit", "()[Z").orElseThrow();
        assertEquals(before.method("$jacocoInit", "()[Z").orElseThrow().codeHash(), probe.codeHash());
        assertEquals(before.method(RuntimeNames.ACCESSOR_NAME, RuntimeNames.ACCESSOR_DESCRIPTOR).orElseThrow()
                .codeHash(), target.method(RuntimeNames.ACCESSOR_NAME, RuntimeNames.ACCESSOR_DESCRIPTOR)
                .orElseThrow().codeHash());
    }

    @Test
    void addedFieldIsRefusedNamingClassMemberAndReason(@TempDir Path dir) {
        byte[] running = CompiledFixture.compile(dir, "structural-refusals", "v1").bytes("fixture/refusals/Player");
        byte[] updated = CompiledFixture.compile(dir, "structural-refusals", "v2").bytes("fixture/refusals/Player");
        UnsupportedEditException refused = assertThrows(UnsupportedEditException.class,
                () -> StructuralRewriter.rewrite(running, updated, MovedMembers.none()));
        assertEquals("fixture.refusals.Player", refused.className());
        assertEquals("field added: int health", refused.member());
        assertEquals("running objects have no room for it", refused.reason());
    }

    @Test
    void bodyOnlyEditMovesNothing() throws Exception {
        byte[] running = LoadTimeAugmenter.augment(v2.bytes(MAIN), 8);
        StructuralRewrite rewrite = StructuralRewriter.rewrite(running, v2.bytes(MAIN), MovedMembers.none());
        assertNull(rewrite.companion());
        assertEquals(List.of(), rewrite.moved());
        assertEquals(keys(ClassShape.read(running)), keys(ClassShape.read(rewrite.target())));
    }

    @Test
    void callsToMethodsMovedElsewhereLinkThroughTheRuntime() {
        byte[] main = v2.bytes(MAIN);
        assertSame(main, StructuralRewriter.redirectCalls(main, MovedMembers.none()));
        MovedMembers tickerMoved = (owner, name, descriptor) -> owner.equals(GAME) && name.equals("ticker");
        byte[] linked = StructuralRewriter.redirectCalls(main, tickerMoved);
        assertNotSame(main, linked);
        String text = new String(linked, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.contains(RuntimeNames.LINKAGE), "the call must be linked by " + RuntimeNames.LINKAGE);
    }

    @Test
    void movedMethodsAreThoseTheRunningClassLacks() {
        List<MovedMethod> moved = StructuralRewriter.movedMethods(v1.bytes(GAME), v2.bytes(GAME));
        assertEquals(Set.of("describe", "twice", "ticker", "lambda$frame$0", "lambda$ticker$1"),
                moved.stream().map(MovedMethod::name).collect(Collectors.toSet()));
        MovedMethod describe = moved.stream().filter(m -> m.name().equals("describe")).findFirst().orElseThrow();
        assertTrue(describe.instance());
        assertEquals("(L" + GAME + ";Ljava/lang/String;)Ljava/lang/String;", describe.staticDescriptor(GAME));
    }

    private static Set<String> keys(ClassShape shape) {
        return shape.methods().stream().map(m -> m.name() + m.descriptor() + "/" + m.access())
                .collect(Collectors.toSet());
    }

    /** Adds a JaCoCo-like probe method, as a coverage agent does when the class loads. */
    private static byte[] withCoverageProbe(byte[] classFile) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visitEnd() {
                MethodVisitor probe = super.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC
                        | Opcodes.ACC_SYNTHETIC, "$jacocoInit", "()[Z", null, null);
                probe.visitCode();
                probe.visitInsn(Opcodes.ICONST_2);
                probe.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_BOOLEAN);
                probe.visitInsn(Opcodes.ARETURN);
                probe.visitMaxs(1, 0);
                probe.visitEnd();
                super.visitEnd();
            }
        }, 0);
        return writer.toByteArray();
    }
}
