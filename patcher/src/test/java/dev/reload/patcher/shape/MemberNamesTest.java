package dev.reload.patcher.shape;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shape read without its members' names, as the agent keeps every loaded class: it finds and compares members by
 * the hashes of their names, refuses to name them, and takes the names back from a shape that has them only when
 * every one is found, once.
 */
class MemberNamesTest {

    @Test
    void aShapeWithoutNamesFindsItsMembersByNameAndRefusesToListThem() throws Exception {
        ClassShape shape = ClassShape.readWithoutMemberNames(game("update", "draw"));

        assertFalse(shape.hasMemberNames());
        assertEquals("update", shape.method("update", "(F)V").orElseThrow().name());
        assertTrue(shape.method("update", "()V").isEmpty());
        assertTrue(shape.method("tick", "(F)V").isEmpty());
        assertEquals(42, shape.field("score").orElseThrow().constantValue());
        assertTrue(shape.field("lives").isEmpty());
        assertThrows(IllegalStateException.class, shape::methods);
        assertThrows(IllegalStateException.class, shape::fields);
        assertThrows(IllegalStateException.class, () -> shape.methodName(0));
        assertTrue(shape.toString().contains("by hash only"), shape.toString());
    }

    @Test
    void aBodyEditIsAPrefixEitherWayAndNamesTheRunningShape() throws Exception {
        ClassShape running = ClassShape.readWithoutMemberNames(game("update", "draw"));
        ClassShape edited = ClassShape.read(game("update", "draw", 2));

        assertTrue(edited.declaresPrefixOf(running));
        assertTrue(running.declaresPrefixOf(edited));
        assertEquals(ClassShape.read(game("update", "draw")), running.withMemberNamesFrom(edited, List.of()));
    }

    @Test
    void namesComeFromAnywhereInTheSourceAndFromMoreNames() throws Exception {
        ClassShape running = ClassShape.readWithoutMemberNames(game("update", "draw"));

        ClassShape reordered = ClassShape.read(game("draw", "update"));
        assertEquals(ClassShape.read(game("update", "draw")), running.withMemberNamesFrom(reordered, List.of()));

        ClassShape removed = ClassShape.read(game("update", "tick"));
        assertNull(running.withMemberNamesFrom(removed, List.of()), "draw is nowhere");
        assertEquals(ClassShape.read(game("update", "draw")),
                running.withMemberNamesFrom(removed, List.of("render", "draw")));
        assertEquals(ClassShape.read(game("update", "draw")),
                running.withMemberNamesFrom(null, List.of("update", "draw", "score")));
    }

    @Test
    void twoNamesOfOneHashNameNothingAndAreToldApartWhereNamesAreKept() throws Exception {
        String[] pair = collidingNames();
        ClassShape running = ClassShape.readWithoutMemberNames(game(pair[0], "draw"));
        ClassShape other = ClassShape.read(game(pair[1], "draw"));

        assertNull(running.withMemberNamesFrom(null, List.of(pair[0], pair[1], "draw", "score")));
        assertEquals(pair[0], running.method(pair[0], "(F)V").orElseThrow().name(),
                "a lookup by a name of the same hash cannot tell them apart: it names what it was asked for");
        assertTrue(running.method(pair[1], "(F)V").isPresent());

        ClassShape named = ClassShape.read(game(pair[0], "draw"));
        assertFalse(other.declaresPrefixOf(named), "the kept names tell the collision from no change");
        assertTrue(named.method(pair[1], "(F)V").isEmpty());
        assertNotEquals(named, other);
    }

    /** {@return two member names of the same hash}, found by the birthday bound among some 100,000 names */
    private static String[] collidingNames() {
        Map<Integer, String> seen = new HashMap<>();
        for (int i = 0; ; i++) {
            String name = "m" + i;
            String earlier = seen.putIfAbsent(ShapeLayout.nameHash(name), name);
            if (earlier != null) {
                return new String[] {earlier, name};
            }
        }
    }

    private static byte[] game(String first, String second) {
        return game(first, second, 1);
    }

    /** A class with a constant field, two methods of one descriptor, and a body that returns {@code value}. */
    private static byte[] game(String first, String second, int value) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "game/World", null, "java/lang/Object", null);
        writer.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "score", "I", null, 42).visitEnd();
        for (String name : new String[] {first, second}) {
            MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC, name, "(F)V", null, null);
            method.visitCode();
            method.visitLdcInsn(value);
            method.visitInsn(Opcodes.POP);
            method.visitInsn(Opcodes.RETURN);
            method.visitMaxs(0, 0);
            method.visitEnd();
        }
        writer.visitEnd();
        return writer.toByteArray();
    }
}
