package demo;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {
    @Test
    void noArgumentsOpenAWindowThatRunsUntilClosed() throws BadArgumentException {
        Options options = Options.parse(new String[0]);
        assertFalse(options.headless());
        assertEquals(Long.MAX_VALUE, options.frameLimit());
        assertNull(options.screenshot());
    }

    @Test
    void headlessWithFramesAndScreenshot() throws BadArgumentException {
        Options options = Options.parse(new String[] {"--headless", "--frames", "600", "--screenshot", "out.png"});
        assertTrue(options.headless());
        assertEquals(600, options.frameLimit());
        assertEquals(Path.of("out.png"), options.screenshot());
    }

    @Test
    void unknownOptionIsNamed() {
        BadArgumentException e = assertThrows(BadArgumentException.class, () -> Options.parse(new String[] {"--fast"}));
        assertEquals("--fast", e.argument());
        assertEquals("unknown option", e.reason());
    }

    @Test
    void framesNeedAPositiveNumber() {
        assertEquals("--frames 0", assertThrows(BadArgumentException.class,
                () -> Options.parse(new String[] {"--frames", "0"})).argument());
        assertEquals("--frames ten", assertThrows(BadArgumentException.class,
                () -> Options.parse(new String[] {"--frames", "ten"})).argument());
        assertEquals("needs a value", assertThrows(BadArgumentException.class,
                () -> Options.parse(new String[] {"--frames"})).reason());
    }

    @Test
    void screenshotNeedsAnEnd() {
        BadArgumentException e = assertThrows(BadArgumentException.class,
                () -> Options.parse(new String[] {"--headless", "--screenshot", "out.png"}));
        assertEquals("--screenshot", e.argument());
    }
}
