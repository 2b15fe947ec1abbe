package dev.reload.agent.watch;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassFilesTest {
    private static final Path ROOT = Path.of("/game/classes");

    @Test
    void aClassFileIsToldByItsNameAlone() {
        assertTrue(ClassFiles.isClassFile(ROOT.resolve("demo/Player.class")));
        assertTrue(ClassFiles.isClassFile(Path.of("Player.class")));
        for (Path other : List.of(ROOT.resolve("demo/Player.java"), ROOT.resolve("demo.class/palette.txt"),
                ROOT.resolve("demo/Player.class.new"), Path.of("/"))) {
            assertFalse(ClassFiles.isClassFile(other), other.toString());
        }
    }

    @Test
    void aTemporaryClassFileIsToldByItsNameNotItsDirectory() {
        for (String name : List.of("demo/Player.class.new", "demo/.Player.class.Xy12ab", "Player.class.tmp")) {
            assertTrue(ClassFiles.isTemporaryClassFile(ROOT.resolve(name)), name);
        }
        for (String name : List.of("demo/Player.class", "out.class.d/Player.class", "out.class.d/palette.txt")) {
            assertFalse(ClassFiles.isTemporaryClassFile(ROOT.resolve(name)), name);
        }
        assertFalse(ClassFiles.isTemporaryClassFile(Path.of("/")));
    }

    @Test
    void aRelativePathHasSlashesBelowAnyRoot() {
        assertEquals("demo/Player.class", ClassFiles.relativePath(ROOT, ROOT.resolve("demo/Player.class")));
        assertEquals("Player.class", ClassFiles.relativePath(Path.of("classes"), Path.of("classes/Player.class")));
        assertEquals("game/classes/demo/A.class",
                ClassFiles.relativePath(Path.of("/"), Path.of("/game/classes/demo/A.class")));
        // A sibling whose name only starts like the root's is not below it.
        assertEquals("../classes2/A.class", ClassFiles.relativePath(ROOT, Path.of("/game/classes2/A.class")));
    }
}
