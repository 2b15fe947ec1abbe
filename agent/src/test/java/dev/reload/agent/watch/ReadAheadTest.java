package dev.reload.agent.watch;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
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
    void readsEachFileWrittenOnceInTheOrderSeen() {
        readAhead.touched(a);
        readAhead.touched(b);
        readAhead.touched(a);
        assertEquals(a, readAhead.next());
        readAhead.read(a, "a1", false);
        assertEquals(b, readAhead.next());
        readAhead.read(b, "b1", false);
        assertNull(readAhead.next());
        assertEquals(Map.of(a, "a1", b, "b1"), readAhead.take());
        assertEquals(Map.of(), readAhead.take());
    }

    @Test
    void aFileWrittenAgainAfterItWasReadIsReadAgain() {
        readAhead.touched(a);
        readAhead.read(readAhead.next(), "a1", false);
        readAhead.touched(a);
        assertEquals(a, readAhead.next());
        readAhead.read(a, "a2", false);
        assertEquals(Map.of(a, "a2"), readAhead.take());
    }

    @Test
    void whatWasReadWhileTheFileWasWrittenAgainIsDropped() {
        readAhead.touched(a);
        Path reading = readAhead.next();
        readAhead.touched(a);
        readAhead.read(reading, "a1, half written", false);
        assertEquals(a, readAhead.next());
        readAhead.read(a, "a2", false);
        assertEquals(Map.of(a, "a2"), readAhead.take());
    }

    @Test
    void knowsWhetherEveryFileWasReadWholeSinceItsLastWrite() {
        readAhead.touched(a);
        readAhead.touched(b);
        readAhead.read(readAhead.next(), "a1", true);
        assertFalse(readAhead.allWhole(List.of(a, b)), "b is not read yet");
        readAhead.read(readAhead.next(), "b1, half written", false);
        assertFalse(readAhead.allWhole(List.of(a, b)));
        readAhead.touched(b);
        readAhead.read(readAhead.next(), "b2", true);
        assertTrue(readAhead.allWhole(List.of(a, b)));
        readAhead.touched(a);
        assertFalse(readAhead.allWhole(List.of(a, b)), "a was written again");
    }
}
