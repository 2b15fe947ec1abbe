package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.ClassShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadTimeAugmenterTest {
    private static final String GAME = "fixture/structural/Game";

    @TempDir
    static Path work;
    private static CompiledFixture v1;

    @BeforeAll
    static void compile() {
        v1 = CompiledFixture.compile(work, "structural-methods", "v1");
    }

    @Test
    void augmentedClassBehavesAsBeforeAndGivesItsFullPrivilegeLookup() throws Exception {
        byte[] augmented = LoadTimeAugmenter.augment(v1.bytes(GAME), 8);
        Class<?> game = new CompiledFixture.Loader(Map.of("fixture.structural.Game", augmented))
                .loadClass("fixture.structural.Game");
        Object instance = game.getConstructor().newInstance();
        assertEquals("v1 frames=1", game.getMethod("frame").invoke(instance));
        assertEquals("legacy 1", game.getMethod("legacy").invoke(instance));

        Method accessor = game.getDeclaredMethod(RuntimeNames.ACCESSOR_NAME);
        assertTrue(accessor.isSynthetic(), "the accessor must be synthetic so tools skip it");
        accessor.setAccessible(true);
        MethodHandles.Lookup lookup = (MethodHandles.Lookup) accessor.invoke(null);
        assertSame(game, lookup.lookupClass());
        assertTrue(lookup.hasFullPrivilegeAccess(), "a hidden nestmate needs a full-privilege lookup");
    }

    @Test
    void listsSpareNestMembersBeyondTheHighestAnonymousClass() throws Exception {
        ClassShape shape = ClassShape.read(LoadTimeAugmenter.augment(v1.bytes(GAME), 3));
        assertEquals(List.of(GAME + "$1", GAME + "$2", GAME + "$3"), shape.nestMembers());
        assertTrue(shape.method(RuntimeNames.ACCESSOR_NAME, RuntimeNames.ACCESSOR_DESCRIPTOR).isPresent());
    }

    @Test
    void keepsListedNestMembersAndNumbersSparesAfterThem() {
        List<String> spares = SpareNestMembers.names("a/Outer", List.of("a/Outer$Inner", "a/Outer$2"), 2);
        assertEquals(List.of("a/Outer$1", "a/Outer$3", "a/Outer$4"), spares);
    }

    @Test
    void aNestMemberGetsTheAccessorButNoSpares() throws Exception {
        byte[] nested = classFile(Opcodes.V17, "a/Outer$Inner", "a/Outer");
        ClassShape shape = ClassShape.read(LoadTimeAugmenter.augment(nested, 8));
        assertEquals("a/Outer", shape.nestHost());
        assertEquals(List.of(), shape.nestMembers());
        assertTrue(LoadTimeAugmenter.isAugmented(LoadTimeAugmenter.augment(nested, 8)));
    }

    @Test
    void leavesAugmentedAndTooOldClassFilesAlone() {
        byte[] once = LoadTimeAugmenter.augment(v1.bytes(GAME), 8);
        assertSame(once, LoadTimeAugmenter.augment(once, 8));
        byte[] java7 = classFile(Opcodes.V1_7, "a/Old", null);
        assertSame(java7, LoadTimeAugmenter.augment(java7, 8));
        assertFalse(LoadTimeAugmenter.isAugmented(java7));
    }

    @Test
    void refusesANegativeSpareCount() {
        assertThrows(IllegalArgumentException.class, () -> LoadTimeAugmenter.augment(v1.bytes(GAME), -1));
    }

    @Test
    void spareNamesGrowWithTheCount() {
        List<String> names = SpareNestMembers.names("p/C", List.of(), 5);
        assertEquals(IntStream.rangeClosed(1, 5).mapToObj(n -> "p/C$" + n).toList(), names);
    }

    private static byte[] classFile(int version, String name, String nestHost) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(version, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object", null);
        if (nestHost != null) {
            writer.visitNestHost(nestHost);
        }
        writer.visitEnd();
        return writer.toByteArray();
    }
}
