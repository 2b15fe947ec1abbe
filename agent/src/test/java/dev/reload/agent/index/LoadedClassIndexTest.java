package dev.reload.agent.index;

import dev.reload.patcher.shape.ClassShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

class LoadedClassIndexTest {
    private static final Path DIRECTORY = Path.of("/classes/demo").toAbsolutePath();
    private final Instrumentation instrumentation = mock(Instrumentation.class);
    private final LoadedClassIndex index = new LoadedClassIndex();
    private final ClassLoader loader = Counter.class.getClassLoader();

    @Test
    void aFileOfAnotherNameLeadsToTheClassThatContinuesIt() {
        index.putLoaded(Counter.class, captured("demo/Hud$1"));
        index.putLoaded(Announcer.class, captured("demo/Hud$9"));
        assertFalse(index.hasRenamedFiles());

        index.continues(loader, "demo/Hud$1", file("Hud$2"));
        index.continues(loader, "demo/Hud$9", file("Hud$1"));

        assertTrue(index.hasRenamedFiles());
        assertEquals(List.of(Counter.class), types(index.loadedFrom(file("Hud$2"), "demo/Hud$2", instrumentation)));
        assertEquals(List.of(Announcer.class), types(index.loadedFrom(file("Hud$1"), "demo/Hud$1", instrumentation)));
        assertEquals(List.of(), types(index.loadedFrom(file("Hud$9"), "demo/Hud$9", instrumentation)));
        // Where a compiled class of that name goes stays the file of its name.
        assertEquals(Set.of(file("Hud$1")), index.filesOf("demo/Hud$1"));
        assertEquals(Announcer.class, index.loaded(loader, "demo/Hud$9", instrumentation).type());
    }

    @Test
    void aClassBackOnItsOwnFileOrWithoutOneIsFoundAccordingly() {
        index.putLoaded(Counter.class, captured("demo/Hud$1"));
        index.continues(loader, "demo/Hud$1", file("Hud$2"));
        index.continues(loader, "demo/Hud$1", file("Hud$1"));
        assertEquals(List.of(Counter.class), types(index.loadedFrom(file("Hud$1"), "demo/Hud$1", instrumentation)));
        assertEquals(List.of(), types(index.loadedFrom(file("Hud$2"), "demo/Hud$2", instrumentation)));

        index.continues(loader, "demo/Hud$1", null);
        assertEquals(List.of(), types(index.loadedFrom(file("Hud$1"), "demo/Hud$1", instrumentation)));
        assertEquals(Set.of(), index.filesOf("demo/Hud$1"));
    }

    @Test
    void theLoaderOfAFileIsFoundWithoutItsClassResolved() {
        index.put(loader, captured("demo/Hud$1"));
        index.putLoaded(Announcer.class, captured("demo/Hud$9"));
        index.continues(loader, "demo/Hud$9", file("Hud$2"));

        assertSame(loader, index.loaderOf(file("Hud$1"), "demo/Hud$1"));
        assertSame(loader, index.loaderOf(file("Hud$2"), "demo/Hud$2"));
        assertNull(index.loaderOf(file("Hud$9"), "demo/Hud$9"));
        assertNull(index.loaderOf(file("Hud$3"), "demo/Hud$3"));
    }

    @Test
    void theHashAClassFileHadAtLoadIsFoundByItsPathOnceCompacted() {
        Path root = Path.of("/game/build/classes").toAbsolutePath();
        CapturedClass player = CapturedClass.inDirectory("demo/world/Player", root, new byte[] {1, 2, 3}, false);
        CapturedClass hud = CapturedClass.inDirectory("Hud", root, new byte[] {4}, false);
        index.put(loader, player);
        index.putLoaded(Announcer.class, hud);
        Path playerFile = root.resolve("demo/world/Player.class");
        assertNull(index.hashAtLoad(playerFile), "not compacted yet");

        player.fileHashedAtLoad(42);
        hud.fileHashedAtLoad(0);
        assertEquals(42, index.hashAtLoad(playerFile));
        assertEquals(0, index.hashAtLoad(root.resolve("Hud.class")), "in another loader, at the root");
        assertNull(index.hashAtLoad(root.resolve("demo/Player.class")));
        assertNull(index.hashAtLoad(root.resolve("other/demo/world/Player.class").normalize()));
        assertNull(index.hashAtLoad(Path.of("/elsewhere/demo/world/Player.class").toAbsolutePath()));
        assertNull(index.hashAtLoad(root.resolve("demo/world/Player.java")));
        assertEquals(playerFile, player.file(), "the path is made when asked for, and the same");
        assertEquals(42, index.hashAtLoad(playerFile));
    }

    @Test
    void theJvmNamesAClassesMembersOnlyWhereNothingElseDoesAndOnce(@TempDir Path directory) throws Exception {
        byte[] bytes = ownClassFile();
        String name = "dev/reload/agent/index/LoadedClassIndexTest";
        CapturedClass captured = new CapturedClass(name, directory.resolve("gone.class"), bytes, false);
        index.putLoaded(LoadedClassIndexTest.class, captured);
        captured.compact();

        assertNull(index.shapeWithMemberNames(captured, null), "no file on disk, and no JVM to ask yet");
        assertFalse(index.runningShapeWithMemberNames(loader, name).hasMemberNames(),
                "the engine gets the shape without names, not no shape as for a class the agent does not track");

        List<Class<?>> asked = new ArrayList<>();
        index.recoverClassFilesWith(new LoadedClassIndex.RunningClassFileSource() {
            @Override
            public byte[] runningClassFile(Class<?> type) {
                asked.add(type);
                return bytes;
            }
        });
        assertEquals(ClassShape.read(bytes), index.runningShapeWithMemberNames(loader, name));
        assertEquals(ClassShape.read(bytes), index.shapeWithMemberNames(captured, null));
        assertEquals(List.of(LoadedClassIndexTest.class), asked, "the names are kept once the JVM gave them");
    }

    private static byte[] ownClassFile() throws IOException {
        try (InputStream in = LoadedClassIndexTest.class.getResourceAsStream("LoadedClassIndexTest.class")) {
            return in.readAllBytes();
        }
    }

    private static CapturedClass captured(String internalName) {
        String simple = internalName.substring(internalName.lastIndexOf('/') + 1);
        return new CapturedClass(internalName, file(simple), new byte[] {1, 2, 3}, false);
    }

    private static Path file(String simpleName) {
        return DIRECTORY.resolve(simpleName + ".class");
    }

    private static List<Class<?>> types(List<LoadedClass> loaded) {
        return loaded.stream().<Class<?>>map(LoadedClass::type).toList();
    }

    /** Stands for a running anonymous class. */
    private static final class Counter {
    }

    /** Stands for another one. */
    private static final class Announcer {
    }
}
