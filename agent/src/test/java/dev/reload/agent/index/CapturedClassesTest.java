package dev.reload.agent.index;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A loader's table of classes finds each by its name, before and after the class gave its name to its shape. */
class CapturedClassesTest {
    private static final Path DIRECTORY = Path.of("/nowhere/classes");

    @Test
    void everyClassIsFoundByItsNameThroughGrowthAndCollidingHashes() {
        CapturedClasses classes = new CapturedClasses();
        List<CapturedClass> added = new ArrayList<>();
        for (String name : names()) {
            CapturedClass captured = capture(name);
            classes.put(captured);
            added.add(captured);
        }
        for (CapturedClass captured : added) {
            assertSame(captured, classes.get(captured.internalName()), captured.internalName());
        }
        assertEquals(added.size(), classes.size());
        assertEquals(Set.copyOf(added), new HashSet<>(classes.all()));
        assertNull(classes.get("p/Absent"));
        assertNull(classes.get("p/AaBBAa"), "a name of the same hash as three classes, never added");
    }

    @Test
    void aCompactedClassIsStillFoundByItsNameAndGivesItBack() {
        CapturedClasses classes = new CapturedClasses();
        List<CapturedClass> added = new ArrayList<>();
        for (String name : names()) {
            CapturedClass captured = capture(name);
            classes.put(captured);
            captured.compact();
            added.add(captured);
        }
        for (CapturedClass captured : added) {
            String name = captured.internalName();
            assertFalse(captured.holdsBytes(), name);
            assertSame(captured, classes.get(name), name);
            assertEquals(DIRECTORY.resolve(name + ".class"), captured.file(), name);
        }
    }

    @Test
    void aClassOfTheSameNameReplacesTheOneThere() {
        CapturedClasses classes = new CapturedClasses();
        CapturedClass first = capture("p/AaAa");
        first.compact();
        classes.put(first);
        classes.put(capture("p/BBBB"));
        CapturedClass second = capture("p/AaAa");
        classes.put(second);
        assertSame(second, classes.get("p/AaAa"));
        assertEquals(2, classes.size());
    }

    /** {@return 600 names, 4 of them of one hash ({@code "Aa"} and {@code "BB"} hash alike)} */
    private static List<String> names() {
        List<String> names = new ArrayList<>(List.of("p/AaAa", "p/AaBB", "p/BBAa", "p/BBBB"));
        for (int i = 0; i < 596; i++) {
            names.add("game/world/Thing" + i);
        }
        return names;
    }

    private static CapturedClass capture(String name) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        writer.visitEnd();
        return CapturedClass.inDirectory(name, DIRECTORY, writer.toByteArray(), false);
    }
}
