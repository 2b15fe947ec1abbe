package dev.reload.agent.reload;

import dev.reload.agent.api.ReloadedClass;
import dev.reload.patcher.diff.FieldChange;
import dev.reload.patcher.diff.MethodChange;
import dev.reload.patcher.diff.Verdict;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The words of a report line: a class of one class loader among several, a static initializer added. */
class ReportWordsTest {
    /** {@code ACC_STATIC} (JVMS 4.5). */
    private static final int STATIC = 0x0008;

    @Test
    void aStaticInitializerAddedWithTheStaticFieldsItInitializesSaysTheirInitializersRun() {
        Verdict verdict = new Verdict("g.Hud", Verdict.Kind.NEEDS_REWRITE, List.of(
                new FieldChange.Added("lives", "I", STATIC), new MethodChange.StaticInitializerAddedOrRemoved(true)),
                List.of(), List.of());

        assertEquals(List.of("field added: static int lives (starts at 0, then its initializer runs once)",
                ReportWords.STATIC_INITIALIZER_FIELDS_RUN), ReportWords.reloadedClass(verdict, true).edits());
        assertEquals(ReportWords.STATIC_INITIALIZER_NOT_RUN, ReportWords.reloadedClass(verdict, false).edits().get(1));
    }

    @Test
    void aStaticInitializerAddedWithNoStaticFieldSaysItIsNotRun() {
        Verdict verdict = new Verdict("g.Hud", Verdict.Kind.NEEDS_REWRITE, List.of(
                new FieldChange.Added("lives", "I", 0), new MethodChange.StaticInitializerAddedOrRemoved(true)),
                List.of(), List.of());

        assertEquals(ReportWords.STATIC_INITIALIZER_NOT_RUN, ReportWords.reloadedClass(verdict, true).edits().get(1));
    }

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
