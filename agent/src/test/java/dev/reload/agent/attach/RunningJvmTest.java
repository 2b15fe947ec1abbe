package dev.reload.agent.attach;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunningJvmTest {
    @Test
    void mainClassIsTheFirstWordOfTheDisplayName() {
        assertEquals("demo.Main", RunningJvm.of(7, "demo.Main --headless").mainClass());
        assertEquals("game.jar", RunningJvm.of(7, "game.jar").mainClass());
        assertEquals("(unknown)", RunningJvm.of(7, "").mainClass());
        assertEquals("(unknown)", RunningJvm.of(7, null).mainClass());
    }

    @Test
    void longCommandLinesAreCut() {
        String line = RunningJvm.of(12, "demo.Main " + "x".repeat(500)).describe();
        assertTrue(line.startsWith("12       demo.Main xxx") && line.endsWith("...") && line.length() < 140, line);
    }
}
