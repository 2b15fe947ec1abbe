package dev.reload.agent.watch;

import dev.reload.agent.parallel.Attempt;
import dev.reload.patcher.rewrite.ClassFileReferences;
import dev.reload.patcher.shape.ClassShape;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class ReadAheadTest {
    private final Path a = Path.of("A.class");
    private final Path b = Path.of("B.class");
    /** What a file read whole is noted with; the content the tests read is text, the collector's part. */
    static final BurstReferences.WholeFile WHOLE = wholeFile();
    private final ReadAhead readAhead = new ReadAhead();

    @Test
    void readsEachFileWrittenOnceInTheOrderSeen() throws IOException {
        readAhead.touched(a);
        readAhead.touched(b);
        readAhead.touched(a);
        assertEquals(a, next());
        readAhead.read(new FileRead(a, content("a1"), 0, null, null));
        assertEquals(b, next());
        readAhead.read(new FileRead(b, content("b1"), 0, null, null));
        assertNull(next());
        assertEquals(Map.of(a, "a1", b, "b1"), texts(readAhead.take()));
        assertEquals(Map.of(), texts(readAhead.take()));
    }

    @Test
    void aFileWrittenAgainAfterItWasReadIsReadAgain() throws IOException {
        readAhead.touched(a);
        readAhead.read(new FileRead(next(), content("a1"), 0, null, null));
        readAhead.touched(a);
        assertEquals(a, next());
        readAhead.read(new FileRead(a, content("a2"), 0, null, null));
        assertEquals(Map.of(a, "a2"), texts(readAhead.take()));
    }

    @Test
    void whatWasReadWhileTheFileWasWrittenAgainIsDropped() throws IOException {
        readAhead.touched(a);
        Path reading = next();
        readAhead.touched(a);
        readAhead.read(new FileRead(reading, content("a1, half written"), 0, null, null));
        assertEquals(a, next());
        readAhead.read(new FileRead(a, content("a2"), 0, null, null));
        assertEquals(Map.of(a, "a2"), texts(readAhead.take()));
    }

    @Test
    void handsOutSeveralFilesToReadAtOnceEachOnlyOnceUntilWrittenAgain() throws IOException {
        Path c = Path.of("C.class");
        readAhead.touched(a);
        readAhead.touched(b);
        readAhead.touched(a);
        readAhead.touched(c);
        assertEquals(List.of(a, b), files(readAhead.next(2)));
        assertEquals(List.of(c), files(readAhead.next(2)), "a is being read already");
        readAhead.touched(b);
        readAhead.read(new FileRead(a, content("a1"), 0, null, null));
        readAhead.read(new FileRead(b, content("b1, half written"), 0, null, null));
        readAhead.read(new FileRead(c, content("c1"), 0, null, null));
        assertEquals(List.of(b), files(readAhead.next(2)), "written again while being read");
        readAhead.read(new FileRead(b, content("b2"), 0, null, null));
        assertEquals(List.of(), files(readAhead.next(2)));
        assertEquals(Map.of(a, "a1", b, "b2", c, "c1"), texts(readAhead.take()));
    }

    @Test
    void keepsTheShapeReadWithTheBytesUntilTheFileIsWrittenAgain() throws Exception {
        ClassShape shape;
        try (var in = ReadAheadTest.class.getResourceAsStream("ReadAheadTest.class")) {
            shape = ClassShape.read(in.readAllBytes());
        }
        readAhead.touched(a);
        readAhead.touched(b);
        readAhead.read(new FileRead(next(), content("a1"), 0, WHOLE, shape));
        readAhead.read(new FileRead(next(), content("b1"), 0, WHOLE, shape));
        readAhead.touched(b);
        Map<Path, FileRead> taken = readAhead.take();
        assertSame(shape, taken.get(a).shape());
        assertNull(taken.get(b), "written again: neither its old bytes nor their shape are the file's");
    }

    @Test
    void aClassFileRenamedOverFromATemporaryFileReadWholeIsToldWhatThatFileHeld() throws IOException {
        Path temporary = Path.of("A.class.new");
        readAhead.touched(temporary);
        assertEquals(temporary, next(), "read as it is written, before its rename");
        FileRead whole = new FileRead(temporary, content("a1"), 0, WHOLE, null);
        readAhead.read(whole);
        readAhead.renamed(temporary, a);
        readAhead.touched(a);
        List<ReadAhead.Unread> next = readAhead.next(2);
        assertEquals(List.of(a), files(next));
        assertSame(whole, next.get(0).renamedFrom(), "what the class file should hold, if it holds those bytes");
        assertEquals(Map.of(), texts(readAhead.take()), "the temporary file's read is the class file's, or nothing");
    }

    @Test
    void aTemporaryFileRenamedBeforeItIsReadIsNotReadAndOneRenamedWhileReadIsOnlyToldToItsClassFile() {
        Path temporary = Path.of("A.class.new");
        Path other = Path.of("B.class.new");
        readAhead.touched(temporary);
        readAhead.touched(other);
        assertEquals(temporary, next());
        readAhead.renamed(temporary, a);
        readAhead.renamed(other, b);
        FileRead whole = new FileRead(temporary, content("a1"), 0, WHOLE, null);
        readAhead.read(whole);
        readAhead.touched(a);
        readAhead.touched(b);
        List<ReadAhead.Unread> next = readAhead.next(3);
        assertEquals(List.of(a, b), files(next), "a renamed file is not read under its old name");
        assertSame(whole, next.get(0).renamedFrom(), "read whole, whenever the read ended");
        assertNull(next.get(1).renamedFrom(), "never read");
    }

    @Test
    void aTemporaryFileReadHalfWrittenTellsTheClassFileNothing() {
        Path temporary = Path.of("A.class.new");
        readAhead.touched(temporary);
        readAhead.read(new FileRead(next(), content("a1, half written"), 0, null, null));
        readAhead.renamed(temporary, a);
        readAhead.touched(a);
        assertNull(readAhead.next(1).get(0).renamedFrom());
    }

    /** {@return the next file to read, alone, or null} */
    private Path next() {
        List<ReadAhead.Unread> next = readAhead.next(1);
        return next.isEmpty() ? null : next.get(0).file();
    }

    private static List<Path> files(List<ReadAhead.Unread> unread) {
        return unread.stream().map(ReadAhead.Unread::file).toList();
    }

    private static Attempt<byte[], IOException> content(String text) {
        return new Attempt.Done<>(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<Path, String> texts(Map<Path, FileRead> taken) throws IOException {
        Map<Path, String> texts = new HashMap<>();
        for (Map.Entry<Path, FileRead> entry : taken.entrySet()) {
            texts.put(entry.getKey(), new String(entry.getValue().content().value(), StandardCharsets.UTF_8));
        }
        return texts;
    }

    @Test
    void knowsWhetherEveryFileWasReadWholeSinceItsLastWrite() {
        readAhead.touched(a);
        readAhead.touched(b);
        readAhead.read(new FileRead(next(), content("a1"), 0, WHOLE, null));
        assertEquals(1, readAhead.wholeFrom(List.of(a, b), 0), "b is not read yet");
        readAhead.read(new FileRead(next(), content("b1, half written"), 0, null, null));
        assertEquals(1, readAhead.wholeFrom(List.of(a, b), 0), "b is half written");
        readAhead.touched(b);
        readAhead.read(new FileRead(next(), content("b2"), 0, WHOLE, null));
        assertEquals(2, readAhead.wholeFrom(List.of(a, b), 0));
        readAhead.touched(a);
        assertEquals(0, readAhead.wholeFrom(List.of(a, b), 0), "a was written again");
    }

    @Test
    void looksOnFromTheFilesFoundWholeUntilOneOfThemIsWrittenAgain() {
        readAhead.touched(a);
        readAhead.touched(b);
        readAhead.read(new FileRead(next(), content("a1"), 0, WHOLE, null));
        long lost = readAhead.wholeLost();
        assertEquals(1, readAhead.wholeFrom(List.of(a, b), 0), "b is not read yet");
        readAhead.read(new FileRead(next(), content("b1"), 0, WHOLE, null));
        assertEquals(2, readAhead.wholeFrom(List.of(a, b), 1));
        assertEquals(lost, readAhead.wholeLost(), "reading more loses nothing");
        readAhead.touched(a);
        assertNotEquals(lost, readAhead.wholeLost(), "a was written again: the look starts over");
        assertEquals(0, readAhead.wholeFrom(List.of(a, b), 0));
        long beforeTake = readAhead.wholeLost();
        readAhead.take();
        assertNotEquals(beforeTake, readAhead.wholeLost(), "what was read whole is gone with the batch");
    }

    private static BurstReferences.WholeFile wholeFile() {
        try (var in = ReadAheadTest.class.getResourceAsStream("ReadAheadTest.class")) {
            return new BurstReferences.WholeFile(ClassFileReferences.ofWhole(in.readAllBytes()), List.of(),
                    java.util.Set.of(), false);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
