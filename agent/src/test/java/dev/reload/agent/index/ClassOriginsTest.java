package dev.reload.agent.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ClassOriginsTest {
    @TempDir
    Path temporary;

    @Test
    void classesOfDomainsInTurnEachGetTheirOwnDirectory() throws IOException {
        Path game = Files.createDirectories(temporary.resolve("game").toAbsolutePath().normalize());
        Path tools = Files.createDirectories(temporary.resolve("tools").toAbsolutePath().normalize());
        Path library = Files.createDirectories(temporary.resolve("library").toAbsolutePath().normalize());
        ClassOrigins origins = new ClassOrigins(null, List.of(game, tools), false);
        ProtectionDomain ofGame = domainOf(game);
        ProtectionDomain ofTools = domainOf(tools);
        ProtectionDomain ofLibrary = domainOf(library);

        // A program loads from its directories in turn: each lookup of a domain after another's must see its own.
        for (int round = 0; round < 3; round++) {
            assertEquals(game, origins.directoryOf("demo/Player", ofGame));
            assertEquals(game, origins.directoryOf("demo/World", ofGame));
            assertNull(origins.directoryOf("lib/Vector", ofLibrary));
            assertEquals(tools, origins.directoryOf("tools/Editor", ofTools));
            assertNull(origins.directoryOf("lib/Matrix", ofLibrary));
        }
    }

    @Test
    void aClassWithoutADomainIsFoundUnderAWatchedDirectoryAfterOneWithADomain() throws IOException {
        Path game = Files.createDirectories(temporary.resolve("game").toAbsolutePath().normalize());
        Files.createDirectories(game.resolve("demo"));
        Files.write(game.resolve("demo/Defined.class"), new byte[] {(byte) 0xCA});
        ClassOrigins origins = new ClassOrigins(null, List.of(game), false);

        assertEquals(game, origins.directoryOf("demo/Player", domainOf(game)));
        assertEquals(game, origins.directoryOf("demo/Defined", null));
        assertNull(origins.directoryOf("demo/Missing", null));
    }

    private static ProtectionDomain domainOf(Path directory) throws MalformedURLException {
        return new ProtectionDomain(new CodeSource(directory.toUri().toURL(), (Certificate[]) null), null);
    }
}
