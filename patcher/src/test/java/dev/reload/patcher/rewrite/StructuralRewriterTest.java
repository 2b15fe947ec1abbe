package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.MemberKey;
import dev.reload.patcher.shape.MethodShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

        Set<String> moved = rewrite.moved().stream().map(AddedMethod::describe).collect(Collectors.toSet());
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
    void removedMethodKeepsItsLastBodyForCodeFromBefore() throws Exception {
        byte[] running = LoadTimeAugmenter.augment(v1.bytes(GAME), 8);
        StructuralRewrite rewrite = StructuralRewriter.rewrite(running, v4.bytes(GAME), MovedMembers.none());
        Class<?> game = new CompiledFixture.Loader(Map.of("fixture.structural.Game", rewrite.target()))
                .loadClass("fixture.structural.Game");
        Object instance = game.getConstructor().newInstance();
        assertEquals("legacy 0", game.getMethod("legacy").invoke(instance));
        assertEquals(ClassShape.read(running).method("legacy", "()Ljava/lang/String;").orElseThrow().codeHash(),
                ClassShape.read(rewrite.target()).method("legacy", "()Ljava/lang/String;").orElseThrow().codeHash());
    }

    @Test
    void aMethodAnEarlierReloadAddedIsCarriedIntoTheNewCompanionWhenDropped() throws Exception {
        byte[] running = LoadTimeAugmenter.augment(v1.bytes(GAME), 8);
        StructuralRewrite second = StructuralRewriter.rewrite(running, v2.bytes(GAME), MovedMembers.none());
        StructuralRewrite fourth = StructuralRewriter.rewrite(second.target(), second.leftRunning(), v4.bytes(GAME),
                MovedMembers.none());

        // v4 drops twice(int), which v2 added: its last body moves on, so v2's companion can be collected.
        ClassShape before = ClassShape.read(second.companion());
        ClassShape after = ClassShape.read(fourth.companion());
        assertEquals(before.method("twice", "(I)I").orElseThrow().codeHash(),
                after.method("twice", "(I)I").orElseThrow().codeHash());
        MemberKey twice = new MemberKey("twice", "(I)I");
        assertTrue(fourth.moved().stream().anyMatch(method -> method.key().equals(twice)));
        assertEquals(Set.of(twice), fourth.dropped(), "v4 declares it no more: it overrides nothing");
        assertTrue(fourth.declaredMoved().stream().noneMatch(method -> method.key().equals(twice)));
        assertTrue(second.declaredMoved().stream().anyMatch(method -> method.key().equals(twice)));
        assertTrue(fourth.leftRunning().moved().stream().anyMatch(method -> method.key().equals(twice)),
                "a later rewrite carries it again");
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
    void fieldMadeStaticIsRefusedNamingClassMemberAndReason(@TempDir Path dir) {
        byte[] running = CompiledFixture.compile(dir, "structural-refusals", "v1").bytes("fixture/refusals/Player");
        byte[] updated = CompiledFixture.compile(dir, "structural-refusals", "v2").bytes("fixture/refusals/Player");
        UnsupportedEditException refused = assertThrows(UnsupportedEditException.class,
                () -> StructuralRewriter.rewrite(running, updated, MovedMembers.none()));
        assertEquals("fixture.refusals.Player", refused.refusal().className());
        assertEquals("field int score", refused.refusal().member());
        assertEquals("its modifiers changed", refused.refusal().reason());
    }

    @Test
    void retypedFieldIsAddedUnderItsNewTypeAndTheRunningOneStays(@TempDir Path dir) throws Exception {
        String player = "fixture/fieldretyped/Player";
        byte[] running = CompiledFixture.compile(dir, "field-retyped", "v1").bytes(player);
        byte[] updated = CompiledFixture.compile(dir, "field-retyped", "v2").bytes(player);
        StructuralRewrite rewrite = StructuralRewriter.rewrite(running, updated, MovedMembers.none());
        assertEquals(List.of(new AddedField("score", "J", false, null, false)), rewrite.addedFields());
        assertEquals(ClassShape.read(running).fields(), ClassShape.read(rewrite.target()).fields());
        assertEquals(List.of(), fieldAccesses(rewrite.target(), "score"));
    }

    @Test
    void addedFieldsStayOutOfTheTargetAndEveryAccessLinksThroughTheRuntime(@TempDir Path dir) throws Exception {
        String player = "fixture/fields/Player";
        byte[] running = LoadTimeAugmenter.augment(CompiledFixture.compile(dir, "structural-fields", "v1")
                .bytes(player), 8);
        byte[] updated = CompiledFixture.compile(dir, "structural-fields", "v2").bytes(player);
        StructuralRewrite rewrite = StructuralRewriter.rewrite(running, updated, MovedMembers.none());
        assertEquals(List.of(new AddedField("health", "I", false, null, false)), rewrite.addedFields());
        assertEquals(ClassShape.read(running).fields(), ClassShape.read(rewrite.target()).fields());
        assertEquals(List.of(), rewrite.moved());
        assertEquals(List.of(), fieldAccesses(rewrite.target(), "health"));
        String text = new String(rewrite.target(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.contains(RuntimeNames.LINK_FIELD_DESCRIPTOR), "the accesses must link through the runtime");
    }

    @Test
    void accessesToFieldsAddedElsewhereLinkThroughTheRuntime(@TempDir Path dir) {
        byte[] main = CompiledFixture.compile(dir, "structural-fields", "v2").bytes("fixture/fields/Main");
        assertEquals(3, fieldAccesses(main, "spawned").size());
        MovedMembers spawnedAdded = new MovedMembers() {
            @Override
            public boolean isMoved(String owner, String name, String descriptor) {
                return false;
            }

            @Override
            public boolean isAddedField(String owner, String name, String descriptor) {
                return owner.equals("fixture/fields/World") && name.equals("spawned");
            }
        };
        assertEquals(List.of(), fieldAccesses(StructuralRewriter.redirectCalls(main, spawnedAdded), "spawned"));
    }

    @Test
    void fieldTheCompilerMakesForAssertIsRefused() {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "p/A", null, "java/lang/Object", null);
        writer.visitEnd();
        byte[] running = writer.toByteArray();
        ClassWriter next = new ClassWriter(0);
        next.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "p/A", null, "java/lang/Object", null);
        next.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC, "$assertionsDisabled", "Z",
                null, null).visitEnd();
        next.visitEnd();
        UnsupportedEditException refused = assertThrows(UnsupportedEditException.class,
                () -> StructuralRewriter.rewrite(running, next.toByteArray(), MovedMembers.none()));
        assertEquals("first assert statement added", refused.refusal().member());
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
        List<AddedMethod> moved = StructuralRewriter.movedMethods(v1.bytes(GAME), v2.bytes(GAME));
        assertEquals(Set.of("describe", "twice", "ticker", "lambda$frame$0", "lambda$ticker$1"),
                moved.stream().map(AddedMethod::name).collect(Collectors.toSet()));
        AddedMethod describe = moved.stream().filter(m -> m.name().equals("describe")).findFirst().orElseThrow();
        assertTrue(describe.instance());
        assertEquals("(L" + GAME + ";Ljava/lang/String;)Ljava/lang/String;", describe.staticDescriptor(GAME));
    }

    /** {@return the field instructions of a class file that name the field, as {@code opcode owner.name}} */
    private static List<String> fieldAccesses(byte[] classFile, String fieldName) {
        List<String> accesses = new java.util.ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                        if (field.equals(fieldName)) {
                            accesses.add(opcode + " " + owner + "." + field);
                        }
                    }
                };
            }
        }, 0);
        return accesses;
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
