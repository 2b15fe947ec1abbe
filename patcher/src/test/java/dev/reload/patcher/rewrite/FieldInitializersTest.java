package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The initializers of added static fields, taken out of the new static initializer to run alone: the shapes games
 * write (an object, a table, {@code List.of}, a conditional, a {@code switch} expression with a local) run and give
 * their values; one in a {@code try} block or reading an earlier statement's local is left alone.
 */
class FieldInitializersTest {
    private static final String WORLD = "fixture/statics/World";

    @TempDir
    static Path work;
    private static ClassNode updated;
    private static Map<MemberKey, MethodNode> taken;

    @BeforeAll
    static void extract() {
        byte[] running = CompiledFixture.compile(work, "static-initializers", "v1").bytes(WORLD);
        updated = ClassFiles.read(CompiledFixture.compile(work, "static-initializers", "v2").bytes(WORLD));
        List<AddedField> added = AddedFieldsOf.find(ClassFiles.read(running), updated);
        taken = FieldInitializers.extract(updated, added);
    }

    @Test
    void initializersThatStandAloneAreTakenAndTheOthersNamed() {
        Set<String> alone = new TreeSet<>();
        Set<String> entangled = new TreeSet<>();
        taken.forEach((key, method) -> (method != null ? alone : entangled).add(key.name()));
        assertEquals(Set.of("AFTER_BLOCKS", "NAMES", "SPEEDS", "TITLE", "level", "mode"), alone);
        assertEquals(Set.of("afterLocal", "loaded", "seeded", "announced"), entangled);
    }

    @Test
    void takenInitializersRunAloneAndGiveTheirValues() throws Exception {
        Class<?> world = loadWithout(updated, taken);
        field(world, "ticks").setInt(null, 5);
        for (String field : List.of("TITLE", "SPEEDS", "NAMES", "mode", "level", "AFTER_BLOCKS")) {
            Method initializer = world.getDeclaredMethod(RuntimeNames.FIELD_INITIALIZER_PREFIX + field);
            initializer.setAccessible(true);
            initializer.invoke(null);
        }
        assertEquals("hud", field(world, "TITLE").get(null).toString());
        assertArrayEquals(new int[] {1, 2, 3}, (int[]) field(world, "SPEEDS").get(null));
        assertEquals(List.of("a", "b"), field(world, "NAMES").get(null));
        assertEquals("warm", field(world, "mode").get(null));
        assertEquals(10, field(world, "level").getInt(null), "the switch's default arm, with its local");
        assertEquals(List.of("x", "y"), field(world, "AFTER_BLOCKS").get(null), "the blocks' locals left set before it");
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /** The class with its static initializer taken out and each taken initializer added as a method of its own. */
    private static Class<?> loadWithout(ClassNode node, Map<MemberKey, MethodNode> initializers) throws Exception {
        node.methods.removeIf(method -> method.name.equals("<clinit>"));
        initializers.values().stream().filter(Objects::nonNull).forEach(node.methods::add);
        node.fields.forEach(field -> field.access &= ~Opcodes.ACC_FINAL);
        byte[] bytes = ClassFiles.write(node, true);
        return new CompiledFixture.Loader(Map.of("fixture.statics.World", bytes)).loadClass("fixture.statics.World");
    }
}
