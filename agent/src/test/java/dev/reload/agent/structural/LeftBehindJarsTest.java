package dev.reload.agent.structural;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runtime jars left by killed runs go; those of live processes, of unknown processes and other files stay. */
class LeftBehindJarsTest {
    @TempDir
    Path processes;
    @TempDir
    Path temporary;

    @Test
    void deletesOnlyTheJarsOfProcessesTheOsNoLongerLists() throws IOException {
        Files.createDirectory(processes.resolve("123"));
        Files.createDirectory(processes.resolve("789"));
        Path own = jar("reload-runtime-123-1.jar");
        Path dead = jar("reload-runtime-456-1.jar");
        Path deadSecond = jar("reload-runtime-456-2.jar");
        Path live = jar("reload-runtime-789-1.jar");
        Path timeStamped = jar("reload-runtime-x1f3a-1.jar");
        Path random = jar("reload-runtime4512345.jar");
        Path other = jar("game-456-1.jar");

        int deleted = new LeftBehindJars(processes).deleteIn(temporary, "123");

        assertEquals(2, deleted);
        assertFalse(Files.exists(dead));
        assertFalse(Files.exists(deadSecond));
        for (Path kept : new Path[] {own, live, timeStamped, random, other}) {
            assertTrue(Files.exists(kept), kept.toString());
        }
    }

    @Test
    void readsItsOwnIdFromTheOsListOfProcesses() throws IOException {
        Files.createDirectory(processes.resolve("4242"));
        Files.createSymbolicLink(processes.resolve("self"), processes.resolve("4242"));

        assertEquals("4242", new LeftBehindJars(processes).ownId());
    }

    @Test
    void hasNoIdWhereTheOsListsNoProcesses() {
        assertNull(new LeftBehindJars(processes.resolve("absent")).ownId());
    }

    @Test
    void takesTheIdOnlyFromAJarNamedForAProcess() {
        assertEquals("456", LeftBehindJars.processId("reload-runtime-456-12.jar"));
        assertNull(LeftBehindJars.processId("reload-runtime-x456-1.jar"));
        assertNull(LeftBehindJars.processId("reload-runtime-456.jar"));
        assertNull(LeftBehindJars.processId("reload-runtime-456-1.jar.part"));
        assertNull(LeftBehindJars.processId("reload-runtime--1.jar"));
    }

    private Path jar(String name) throws IOException {
        return Files.write(temporary.resolve(name), new byte[] {1});
    }
}
