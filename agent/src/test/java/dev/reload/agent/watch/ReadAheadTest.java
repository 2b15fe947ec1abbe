package dev.reload.agent.watch;

import dev.reload.agent.parallel.Attempt;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadAheadTest {
    private final Path a = Path.of("A.class");
    private final Path b = Path.of("B.class");
    private final ReadAhead readAhead = new ReadAhead();

    @Test
    void readsEachFileWrittenOnceInTheOrderSeen() throws IOException {
        readAhead.touched(a);
        readAhead.touched(b);
        readAhead.touched(a);
        assertEquals(a, readAhead.next());
        readAhead.read(a, content("a1"), false);
        assertEquals(b, readAhead.next());
        readAhead.read(b, content("b1"), false);
        assertNull(readAhead.next());
        assertEquals(Map.of(a, "a1", b, "b1"), texts(readAhead.take()));
        assertEquals(Map.of(), texts(readAhead.take()));
    }

    @Test
    void aFileWrittenAgainAfterItWasReadIsReadAgain() throws IOException {
        readAhead.touched(a);
        readAhead.read(readAhead.next(), content("a1"), false);
        readAhead.touched(a);
        assertEquals(a, readAhead.next());
        readAhead.read(a, content("a2"), false);
        assertEquals(Map.of(a, "a2"), texts(readAhead.take()));
    }

    @Test
    void whatWasReadWhileTheFileWasWrittenAgainIsDropped() throws IOException {
        readAhead.touched(a);
        Path reading = readAhead.next();
        readAhead.touched(a);
        readAhead.read(reading, content("a1, half written"), false);
        assertEquals(a, readAhead.next());
        readAhead.read(a, content("a2"), false);
        assertEquals(Map.of(a, "a2"), texts(readAhead.take()));
    }

    private static Attempt<byte[], IOException> content(String text) {
        return new Attempt.Done<>(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<Path, String> texts(Map<Path, Attempt<byte[], IOException>> taken) throws IOException {
        Map<Path, String> texts = new HashMap<>();
        for (Map.Entry<Path, Attempt<byte[], IOException>> entry : taken.entrySet()) {
            texts.put(entry.getKey(), new String(entry.getValue().value(), StandardCharsets.UTF_8));
        }
        return texts;
    }

    @Test
    void knowsWhetherEveryFileWasReadWholeSinceItsLastWrite() {
        readAhead.touched(a);
        readAhead.touched(b);
        readAhead.read(readAhead.next(), content("a1"), true);
        assertFalse(readAhead.allWhole(List.of(a, b)), "b is not read yet");
        readAhead.read(readAhead.next(), content("b1, half written"), false);
        assertFalse(readAhead.allWhole(List.of(a, b)));
        readAhead.touched(b);
        readAhead.read(readAhead.next(), content("b2"), true);
        assertTrue(readAhead.allWhole(List.of(a, b)));
        readAhead.touched(a);
        assertFalse(readAhead.allWhole(List.of(a, b)), "a was written again");
    }
}
