package dev.reload.agent.reload;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileSettlerTest {
    @Test
    void aClassFileLiesAtItsInternalNameBelowAnyDirectory() {
        assertTrue(FileSettler.liesAt("demo/Player.class", "demo/Player"));
        assertTrue(FileSettler.liesAt("out/demo/Player.class", "demo/Player"));
        assertTrue(FileSettler.liesAt("Player.class", "Player"));
    }

    @Test
    void anyOtherPathDoesNot() {
        assertFalse(FileSettler.liesAt("demo/Player.class", "Player2"));
        assertFalse(FileSettler.liesAt("demo/XPlayer.class", "Player"));
        assertFalse(FileSettler.liesAt("other/Player.class", "demo/Player"));
        assertFalse(FileSettler.liesAt("demo/Player.clas", "demo/Player"));
        assertFalse(FileSettler.liesAt("Player.class", "demo/Player"));
        assertFalse(FileSettler.liesAt("demo/Player.class.new", "demo/Player"));
    }
}
