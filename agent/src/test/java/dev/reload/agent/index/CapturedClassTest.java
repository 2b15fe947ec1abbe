package dev.reload.agent.index;

import dev.reload.agent.config.LogLevel;
import dev.reload.agent.report.Reporter;
import dev.reload.agent.watch.ContentHash;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A captured class keeps its bytes only until it is compacted, and knows the same about itself after. */
class CapturedClassTest {
    private static final Path FILE = Path.of("/nowhere/C.class");

    @Test
    void compactingKeepsTheShapeAndHashOfTheBytesAndDropsThem() throws Exception {
        byte[] bytes = ownClassFile();
        CapturedClass captured = new CapturedClass("dev/reload/agent/index/CapturedClassTest", FILE, bytes, false);
        assertTrue(captured.holdsBytes());

        captured.compact();

        assertFalse(captured.holdsBytes(), "the class file is dropped once compacted");
        assertEquals(ClassShape.readWithoutMemberNames(bytes), captured.shape(), "its members' names are dropped too");
        assertEquals(ContentHash.of(bytes), captured.runningHash());
    }

    @Test
    void aCompactedClassGivesItsNameFromItsShapeAndKeepsItThroughNewBytes() throws Exception {
        byte[] bytes = ownClassFile();
        String name = "dev/reload/agent/index/CapturedClassTest";
        CapturedClass captured = new CapturedClass(new String(name), FILE, bytes, false);
        captured.compact();
        assertEquals(name, captured.internalName());
        assertEquals(name.replace('/', '.'), captured.binaryName());
        assertTrue(captured.hasName(name));
        assertFalse(captured.hasName("dev/reload/agent/index/CapturedClassTesT"));

        captured.running(bytes, false);
        assertEquals(name, captured.internalName(), "while new bytes are held, before their shape");
        captured.compact();
        assertEquals(name, captured.internalName());
    }

    @Test
    void aClassCapturedInADirectoryFindsItsFileThereUntilAnotherFileContinuesIt() {
        Path directory = Path.of("/nowhere/classes");
        CapturedClass captured = CapturedClass.inDirectory("a/b/C", directory, new byte[] {1, 2, 3}, false);
        assertEquals(directory.resolve("a/b/C.class"), captured.file());
        assertEquals(directory.resolve("a/b/C.class"), captured.file());

        CapturedClass continued = CapturedClass.inDirectory("a/b/C", directory, new byte[] {1, 2, 3}, false);
        continued.continuedBy(FILE);
        assertEquals(FILE, continued.file());
        continued.continuedBy(null);
        assertNull(continued.file());
    }

    @Test
    void aShapeAskedForBeforeCompactingIsMadeFromTheBytesStillHeld() throws Exception {
        byte[] bytes = ownClassFile();
        CapturedClass captured = new CapturedClass("dev/reload/agent/index/CapturedClassTest", FILE, bytes, false);
        assertEquals(ClassShape.readWithoutMemberNames(bytes), captured.shape());
        captured.compact();
        assertEquals(ClassShape.readWithoutMemberNames(bytes), captured.shape());
    }

    @Test
    void membersAreNamedByTheFileOnDiskAndKeepTheirNames(@TempDir Path directory) throws Exception {
        byte[] bytes = ownClassFile();
        Path file = Files.write(directory.resolve("CapturedClassTest.class"), bytes);
        CapturedClass captured = new CapturedClass("dev/reload/agent/index/CapturedClassTest", file, bytes, false);
        captured.compact();

        assertEquals(ClassShape.read(bytes), captured.shapeWithMemberNames(null));
        Files.delete(file);
        assertEquals(ClassShape.read(bytes), captured.shape(), "the names found are kept");
    }

    @Test
    void aFileSavedOverWithoutItsMembersNamesNothingAndTheNewVersionOrTheJvmsClassFileDo(@TempDir Path directory)
            throws Exception {
        byte[] bytes = ownClassFile();
        Path file = Files.write(directory.resolve("CapturedClassTest.class"), bytes);
        CapturedClass captured = new CapturedClass("dev/reload/agent/index/CapturedClassTest", file, bytes, false);
        captured.compact();
        Files.write(file, classFile(CapturedClass.class));

        assertNull(captured.shapeWithMemberNames(null), "the file on disk no longer declares the running members");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertNull(captured.shapeWithMemberNames(null), "a file half written names nothing");
        assertNull(captured.shapeWithMemberNames(ClassShape.read(classFile(CapturedClass.class))));
        assertFalse(captured.shape().hasMemberNames());
        assertEquals(ClassShape.read(bytes), captured.shapeWithMemberNames(ClassShape.read(bytes)));

        CapturedClass other = new CapturedClass("dev/reload/agent/index/CapturedClassTest", file, bytes, false);
        other.compact();
        assertEquals(ClassShape.read(bytes), other.shapeNamedBy(bytes));
    }

    @Test
    void aClassGivenOtherBytesKeepsItsMembersNames() throws Exception {
        byte[] bytes = ownClassFile();
        CapturedClass captured = new CapturedClass("dev/reload/agent/index/CapturedClassTest", FILE, bytes, false);
        captured.compact();
        captured.running(bytes, false);
        captured.compact();
        assertEquals(ClassShape.read(bytes), captured.shape(), "an edited class is named whenever it is edited again");
    }

    @Test
    void aClassThePatcherCannotReadKeepsItsBytesToSayWhyLater() {
        byte[] notAClass = {1, 2, 3};
        CapturedClass captured = new CapturedClass("a/B", FILE, notAClass, false);
        captured.compact();
        assertTrue(captured.holdsBytes());
        assertThrows(UnreadableClassException.class, captured::shape);
        assertEquals(ContentHash.of(notAClass), captured.runningHash());
    }

    @Test
    void theCompactorDropsTheBytesOfEverySubmittedClassOnceLoadingPauses() throws Exception {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        Reporter reporter = new Reporter(LogLevel.DEBUG, new PrintStream(lines, true));
        CaptureCompactor compactor = CaptureCompactor.start(reporter);
        byte[] bytes = ownClassFile();
        List<CapturedClass> captured = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            CapturedClass each = new CapturedClass("a/C" + i, Path.of("/nowhere/C" + i + ".class"), bytes.clone(),
                    false);
            captured.add(each);
            compactor.submit(each, bytes);
        }
        compactor.awaitLoadingPause();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while ((captured.stream().anyMatch(CapturedClass::holdsBytes) || compacted(lines) < 300)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(captured.stream().noneMatch(CapturedClass::holdsBytes), "some classes still hold their bytes");
        assertEquals(300, compacted(lines), lines::toString);
    }

    @Test
    void theScannerIsShownOnlyTheClassFilesItMayFindSomethingIn() throws Exception {
        byte[] wanted = ownClassFile();
        byte[] other = classFile(CaptureCompactor.class);
        List<CapturedClass> scanned = new ArrayList<>();
        List<byte[]> shown = new ArrayList<>();
        CaptureCompactor.FileScanner scanner = new CaptureCompactor.FileScanner() {
            @Override
            public boolean mayFind(byte[] classFile) {
                return Arrays.equals(classFile, wanted);
            }

            @Override
            public void scan(CapturedClass captured, byte[] classFile) {
                scanned.add(captured);
                shown.add(classFile);
            }
        };
        // Its thread not started: compactWaiting compacts on this thread.
        CaptureCompactor compactor = new CaptureCompactor(Reporter.toStandardError(LogLevel.OFF), scanner);
        CapturedClass withHooks = new CapturedClass("dev/reload/agent/index/CapturedClassTest", FILE, wanted.clone(),
                false);
        CapturedClass without = new CapturedClass("dev/reload/agent/index/CaptureCompactor",
                Path.of("/nowhere/CaptureCompactor.class"), other.clone(), false);
        compactor.submit(withHooks, wanted);
        compactor.submit(without, other);
        compactor.compactWaiting();

        assertEquals(List.of(withHooks), scanned);
        assertArrayEquals(wanted, shown.get(0));
        assertFalse(withHooks.holdsBytes());
        assertFalse(without.holdsBytes());
    }

    @Test
    void aClassRunningItsFileUnchangedIsScannedOnlyWhenCompacted() throws Exception {
        byte[] file = ownClassFile();
        List<byte[]> tested = new ArrayList<>();
        List<byte[]> shown = new ArrayList<>();
        CaptureCompactor.FileScanner scanner = new CaptureCompactor.FileScanner() {
            @Override
            public boolean mayFind(byte[] classFile) {
                tested.add(classFile);
                return true;
            }

            @Override
            public void scan(CapturedClass captured, byte[] classFile) {
                shown.add(classFile);
            }
        };
        CaptureCompactor compactor = new CaptureCompactor(Reporter.toStandardError(LogLevel.OFF), scanner);
        tested.clear(); // the constructor loads the scanner's test with an empty file
        CapturedClass captured = new CapturedClass("dev/reload/agent/index/CapturedClassTest", FILE, file, false);

        compactor.submitUnchanged(captured, file);
        assertEquals(List.of(), tested, "the scanner's test made on the loading thread");
        compactor.compactWaiting();

        assertEquals(1, tested.size());
        assertSame(file, shown.get(0));
        assertFalse(captured.holdsBytes());
        assertEquals(ContentHash.of(file), captured.runningHash());
    }

    /** {@return the sum of the counts of the compactor's report lines so far} */
    private static int compacted(ByteArrayOutputStream lines) {
        Matcher rounds = Pattern.compile("\\[reload\\] compacted (\\d+) captured class").matcher(lines.toString());
        int compacted = 0;
        while (rounds.find()) {
            compacted += Integer.parseInt(rounds.group(1));
        }
        return compacted;
    }

    private static byte[] ownClassFile() throws IOException {
        return classFile(CapturedClassTest.class);
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }
}
