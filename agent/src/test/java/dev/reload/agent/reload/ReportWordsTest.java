package dev.reload.agent.reload;

import dev.reload.agent.api.ReloadedClass;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The words of a report line that name a class of one class loader among several. */
class ReportWordsTest {
    @Test
    void aClassReloadedInSeveralLoadersSaysWhichLoadersItIs() throws Exception {
        ReloadedClass reloaded = new ReloadedClass("mods.Sword", List.of("shine"), List.of("method added: int gem()"));
        try (URLClassLoader named = new URLClassLoader("mods", new URL[0], null);
             URLClassLoader unnamed = new URLClassLoader(new URL[0], null)) {
            assertEquals("mods.Sword (shine, method added: int gem(), in class loader mods)",
                    ReportWords.inLoader(reloaded, named).describe());
            String described = ReportWords.inLoader(reloaded, unnamed).describe();
            assertTrue(described.startsWith("mods.Sword (shine, method added: int gem(), in class loader "
                    + "java.net.URLClassLoader@"), described);
        }
    }
}
