package dev.reload.agent.it;

import dev.reload.fixtures.harness.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Classes in loaders other than the application's, and an application that brings its own ASM. */
class ClassLoaderIT {
    private static final String PLUGIN = "fixture.plugin.Plugin";

    @TempDir
    static Path compiled;

    @TempDir
    Path work;

    @BeforeAll
    static void compileVersions() {
        FixtureClasses.compile(compiled, "plugin-host", "v1");
        FixtureClasses.compile(compiled, "plugin", "v1");
        FixtureClasses.compile(compiled, "plugin", "v2");
        FixtureClasses.compile(compiled, "plugin", "v3");
        FixtureClasses.compile(compiled, "plugin", "v4");
        FixtureClasses.compile(compiled, "plugin", "v5");
        FixtureClasses.compile(compiled, "plugin", "v6");
        FixtureClasses.compile(compiled, "own-asm", "v1", applicationAsm());
        FixtureClasses.compile(compiled, "own-asm", "v2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void sameClassInTwoIsolatedLoadersIsReloadedPerLoader(Path jdk) {
        Path first = work.resolve("plugins-a");
        Path second = work.resolve("plugins-b");
        FixtureClasses.install(compiled.resolve("plugin-v1"), first);
        FixtureClasses.install(compiled.resolve("plugin-v1"), second);
        String[] arguments = {first.toString(), second.toString()};
        try (ChildJvm child = WatchingChild.start(jdk, "", WatchingChild.WATCHING + Pattern.quote(first.toString()),
                "fixture.host.Main", arguments, compiled.resolve("plugin-host-v1"))) {
            child.awaitStdout("^plugin\\[1\\] says v1");
            FixtureClasses.install(compiled.resolve("plugin-v2"), first);
            child.awaitStderr("^\\[reload\\] 1 class in \\d+ ms: fixture\\.plugin\\.Plugin \\(greet\\)$");
            int mark = child.stdoutMark();
            String changed = child.awaitStdoutAfter(mark, "^plugin\\[0\\] says v2 calls=\\d+");
            assertTrue(callsOf(changed) > 1, "the plugin object kept its state: " + changed);
            child.awaitStdoutAfter(mark, "^plugin\\[1\\] says v1");
            int later = child.stdoutMark();
            child.awaitStdoutAfter(later, "^plugin\\[1\\] says v1");

            // A class of another loader than the application's loaded with the spare nest members: an anonymous
            // class added loads under its own name as a true nestmate.
            int structural = child.stdoutMark();
            FixtureClasses.install(compiled.resolve("plugin-v3"), first);
            child.awaitStderr("^\\[reload\\] 1 class in \\d+ ms: fixture\\.plugin\\.Plugin \\(.*anonymous class added:"
                    + " fixture\\.plugin\\.Plugin\\$1.*\\)$");
            String added = child.awaitStdoutAfter(structural, "^plugin\\[0\\] says v3 calls=\\d+ nest host Plugin$");
            child.awaitStdoutAfter(structural, "^plugin\\[1\\] says v1");
            renumberedAnonymousClassesTakeSpareNamesEditsAndAnUndo(child, first, callsOf(added));
        }
    }

    /**
     * The edited path for renumbered anonymous classes, which only classes of other loaders and of named modules
     * take: an anonymous class inserted before the running one loads under a spare nest member name, a second edit
     * changes both, a third inserts another, and its undo leaves each running class on the code it had before.
     */
    private static void renumberedAnonymousClassesTakeSpareNamesEditsAndAnUndo(ChildJvm child, Path plugins,
                                                                             int callsBefore) {
        int inserted = child.stderrMark();
        int insertedOut = child.stdoutMark();
        FixtureClasses.installAtomically(compiled.resolve("plugin-v4"), plugins);
        String spare = "Plugin$" + spareNumber(child.awaitStderrAfter(inserted, insertion("1", "2")));
        String spareName = "fixture.plugin." + spare;
        String v4 = child.awaitStdoutAfter(insertedOut, firstPlugin("v3", spare) + "$");
        assertTrue(callsOf(v4) > callsBefore && bonusOf(v4) == 2 * callsOf(v4), v4);
        child.awaitStdoutAfter(insertedOut, "^plugin\\[1\\] says v1");

        // The second edit: each running class takes the code of the file it continues as.
        int changed = child.stderrMark();
        int changedOut = child.stdoutMark();
        FixtureClasses.installAtomically(compiled.resolve("plugin-v5"), plugins);
        String edited = child.awaitStderrAfter(changed, "^\\[reload\\] \\d+ classes in \\d+ ms: .*");
        assertTrue(edited.contains(spareName + " (get, continues as the file " + PLUGIN + "$1)")
                && edited.contains(PLUGIN + "$1 (get, continues as the file " + PLUGIN + "$2)"), edited);
        String v5 = child.awaitStdoutAfter(changedOut, firstPlugin("v5", spare) + "$");
        assertTrue(callsOf(v5) > callsOf(v4) && bonusOf(v5) == 3 * callsOf(v5), v5);

        // The third: another insertion takes another spare name; the running classes continue as the files Plugin$2
        // and Plugin$3.
        int again = child.stderrMark();
        int againOut = child.stdoutMark();
        FixtureClasses.installAtomically(compiled.resolve("plugin-v6"), plugins);
        String third = child.awaitStderrAfter(again, insertion("1", "3"));
        assertTrue(third.contains(spareName + " (continues as the file " + PLUGIN + "$2)"), third);
        String secondSpare = "Plugin$" + spareNumber(third);
        String v6 = child.awaitStdoutAfter(againOut, firstPlugin("v5", spare) + ", cheer \\d+ by "
                + Pattern.quote(secondSpare) + " in nest Plugin$");
        assertTrue(callsOf(v6) > callsOf(v5), v6);

        // The undo of the third edit, as an IDE writes it: Plugin$3 goes, and each running class continues as the
        // file it was before the insertion.
        int undone = child.stderrMark();
        int undoneOut = child.stdoutMark();
        FixtureClasses.replace(compiled.resolve("plugin-v5"), plugins);
        String undo = child.awaitStderrAfter(undone, "^\\[reload\\] \\d+ class(es)? in \\d+ ms: .*");
        assertTrue(undo.contains(spareName + " (continues as the file " + PLUGIN + "$1)"), undo);
        String back = child.awaitStdoutAfter(undoneOut, firstPlugin("v5", spare) + "$");
        assertTrue(callsOf(back) > callsOf(v6) && bonusOf(back) == 3 * callsOf(back), back);
        child.awaitStdoutAfter(undoneOut, "^plugin\\[1\\] says v1");
    }

    /**
     * {@return the pattern of a report line in which the new file {@code Plugin$file} loads under a spare name, as the
     * running class of that name continues as the file {@code Plugin$continuesAs}}
     */
    private static String insertion(String file, String continuesAs) {
        String plugin = Pattern.quote(PLUGIN + "$");
        return "^\\[reload\\] .*anonymous class added: " + plugin + file + " \\(loaded as " + plugin
                + "(\\d), since the running " + plugin + file + " continues as the file " + plugin + continuesAs
                + "\\).*$";
    }

    /** {@return the start of the first plugin's line: its label's version, then the spare-named class's bonus} */
    private static String firstPlugin(String label, String spare) {
        return "^plugin\\[0\\] says " + label + " calls=\\d+ nest host Plugin, bonus \\d+ by "
                + Pattern.quote(spare) + " in nest Plugin";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void applicationWithItsOwnOlderAsmReloads(Path jdk) {
        Path classes = work.resolve("classes");
        FixtureClasses.install(compiled.resolve("own-asm-v1"), classes);
        try (ChildJvm child = WatchingChild.start(jdk, "", "fixture.ownasm.Main", classes, applicationAsm())) {
            child.awaitStdout("^own asm read fixture/ownasm/Value with ASM from .*"
                    + Pattern.quote(applicationAsm().getFileName().toString()) + "$");
            child.awaitStdout("^value v1$");
            FixtureClasses.install(compiled.resolve("own-asm-v2"), classes);
            child.awaitStderr("^\\[reload\\] 1 class in \\d+ ms: fixture\\.ownasm\\.Value \\(get\\)$");
            child.awaitStdout("^value v2$");
        }
    }

    private static Path applicationAsm() {
        String jar = System.getProperty("reload.it.asm.jar");
        assertTrue(jar != null && !jar.isBlank(), "the build passes the application's ASM as reload.it.asm.jar");
        return Path.of(jar);
    }

    private static int callsOf(String line) {
        return Integer.parseInt(line.replaceAll(".* calls=(\\d+).*", "$1"));
    }

    private static int bonusOf(String line) {
        return Integer.parseInt(line.replaceAll(".* bonus (\\d+) .*", "$1"));
    }

    private static String spareNumber(String reportLine) {
        return reportLine.replaceAll(".*anonymous class added: \\S+ \\(loaded as \\S+\\$(\\d+), .*", "$1");
    }
}
