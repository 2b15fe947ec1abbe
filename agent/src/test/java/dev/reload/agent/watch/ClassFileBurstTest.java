package dev.reload.agent.watch;

import dev.reload.agent.parallel.Attempt;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassFileBurstTest {
    private static final long QUIET_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long REBUILD_SETTLE_NANOS = Duration.ofSeconds(5).toNanos();
    private final ReadAhead readAhead = new ReadAhead();
    private final ClassFileBurst burst = new ClassFileBurst(QUIET_NANOS, REBUILD_SETTLE_NANOS, readAhead,
            new BurstReferences(), new MissingFiles(REBUILD_SETTLE_NANOS));
    private final Path root = Path.of("classes");
    private final Path a = root.resolve("A.class");
    private final Path b = root.resolve("B.class");
    private final Path c = root.resolve("C.class");

    @Test
    void waitsOnlyTheSettlePeriodOnceEveryFileIsReadWhole() {
        write(a);
        write(b);
        readWritten();
        assertTrue(burst.quietLeft(0) < QUIET_NANOS, "a and b are whole");
        write(c);
        assertTrue(burst.quietLeft(0) >= QUIET_NANOS, "c is not read yet");
        readWritten();
        assertTrue(burst.quietLeft(0) < QUIET_NANOS, "a, b and c are whole");
    }

    @Test
    void looksAtEveryFileAgainOnceAFileFoundWholeIsWrittenAgain() {
        write(a);
        write(b);
        readWritten();
        assertTrue(burst.quietLeft(0) < QUIET_NANOS);
        write(a);
        assertTrue(burst.quietLeft(0) >= QUIET_NANOS, "a was written again and is not read since");
        readWritten();
        assertTrue(burst.quietLeft(0) < QUIET_NANOS);
    }

    @Test
    void startsOverWithTheNextBurst() {
        write(a);
        readWritten();
        assertTrue(burst.quietLeft(0) < QUIET_NANOS);
        burst.handOut();
        readAhead.take();
        write(b);
        assertTrue(burst.quietLeft(0) >= QUIET_NANOS, "b, of the next burst, is not read yet");
    }

    /** Notes a write at time 0, as the collector does. */
    private void write(Path file) {
        burst.written(root, file, 0);
        readAhead.touched(file);
    }

    private void readWritten() {
        for (ReadAhead.Unread unread : readAhead.next(10)) {
            readAhead.read(new FileRead(unread.file(), new Attempt.Done<>("class".getBytes(StandardCharsets.UTF_8)), 0,
                    ReadAheadTest.WHOLE, null));
        }
    }
}
