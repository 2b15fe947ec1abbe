package dev.reload.agent.cli;

import dev.reload.fixtures.harness.FixtureCompiler;
import dev.reload.fixtures.harness.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code reload-agent.jar diff OLD.class NEW.class}: its words and its exit codes. */
class DiffCommandTest {
    @TempDir
    Path work;

    /** What one run printed and returned. */
    private record Run(int exitCode, String out, String err) {
    }

    private static Run main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@return the class file of {@code internalName} compiled from a fixture version} */
    private Path compiled(String fixtureCase, String version, String internalName) {
        Path out = work.resolve(fixtureCase).resolve(version);
        FixtureCompiler.compile(Fixtures.sources(fixtureCase, version), out);
        return out.resolve(internalName + ".class");
    }

    private Run diff(String fixtureCase, String internalName) {
        return main("diff", compiled(fixtureCase, "v1", internalName).toString(),
                compiled(fixtureCase, "v2", internalName).toString());
    }

    @Test
    void bodyChangeIsRedefinableAndExitsZero() {
        Run run = diff("method-body", "fixture/methodbody/Player");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("""
                fixture.methodbody.Player: redefinable: the running JVM can take the new version as it is
                  method body changed: update(float)
                """, run.out());
        assertEquals("", run.err());
    }

    @Test
    void sameClassIsUnchangedAndExitsZero() {
        Path file = compiled("method-body", "v1", "fixture/methodbody/Player");
        Run run = main("diff", file.toString(), file.toString());
        assertEquals(0, run.exitCode());
        assertEquals("fixture.methodbody.Player: unchanged (nothing to reload)\n", run.out());
    }

    @Test
    void addedFieldReloadsThroughTheRewriteAndExitsOne() {
        Run run = diff("field-added", "fixture/fieldadded/Player");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("fixture.fieldadded.Player: reloads through reload-agent's rewrite"), run.out());
        assertTrue(run.out().contains("  field added: int health\n"), run.out());
        assertTrue(run.out().contains("  field int health: kept by the agent's runtime, beside each object\n"),
                run.out());
        assertFalse(run.out().contains("restart"), run.out());
    }

    @Test
    void addedMethodSaysItRunsFromACompanion() {
        Run run = diff("method-added-private", "fixture/privateadded/Player");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().matches("(?s).*  method \\w+\\(.*\\): runs from a companion class\n.*"), run.out());
    }

    /**
     * A class of another loader runs with the accessor and spare nest members the agent adds: judged so, its added
     * anonymous class is listed among the spares and its added method still runs from a companion.
     */
    @Test
    void aClassOfAnotherLoaderIsJudgedAsTheAgentLoadsIt() {
        Path old = compiled("plugin", "v2", "fixture/plugin/Plugin");
        Path updated = compiled("plugin", "v3", "fixture/plugin/Plugin");
        for (String loader : new String[] {"--loader=app", "--loader=other"}) {
            Run run = main("diff", loader, old.toString(), updated.toString());
            assertEquals(1, run.exitCode(), run.toString());
            assertTrue(run.out().contains("  anonymous class added: fixture.plugin.Plugin$1\n")
                    && run.out().contains("  method label(): runs from a companion class\n"), run.out());
        }
        Run asRunning = main("diff", "--loader=other", old.toString(), old.toString());
        assertEquals(0, asRunning.exitCode(), asRunning.toString());
        assertEquals("fixture.plugin.Plugin: unchanged (nothing to reload)\n", asRunning.out(),
                "the accessor and the spares the agent adds are no change of the developer's");
    }

    @Test
    void retypedFieldLivesInTheRuntimeUnderItsNewType() {
        Run run = diff("field-retyped", "fixture/fieldretyped/Player");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("field type changed: int score → long"), run.out());
        assertTrue(run.out().contains("long score"), run.out());
    }

    @Test
    void lambdaAddedIsReportedAsALambda() {
        Run run = diff("lambda-inserted", "fixture/lambdainserted/Player");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("  lambda added in update()\n"), run.out());
        assertTrue(run.out().contains("  the new lambda body runs from a companion class\n"), run.out());
        assertFalse(run.out().contains("lambda$"), "no synthetic names: " + run.out());
    }

    @Test
    void superclassChangeIsRejectedAndExitsTwo() {
        Run run = diff("superclass-changed", "fixture/superclass/Enemy");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("fixture.superclass.Enemy: cannot be reloaded"), run.out());
        assertTrue(run.out().contains("superclass changed: fixture.superclass.Actor → fixture.superclass.Sprite"),
                run.out());
    }

    @Test
    void unreadableInputExitsThreeWithTheReason() throws IOException {
        Path good = compiled("method-body", "v1", "fixture/methodbody/Player");
        byte[] bytes = Files.readAllBytes(good);
        Path empty = Files.write(work.resolve("Empty.class"), new byte[0]);
        Path text = Files.writeString(work.resolve("Text.class"), "class Player {}");
        Path truncated = Files.write(work.resolve("Truncated.class"), Arrays.copyOf(bytes, bytes.length / 2));
        Path newer = work.resolve("Newer.class");
        byte[] newerBytes = bytes.clone();
        newerBytes[7] = (byte) 99;
        Files.write(newer, newerBytes);

        assertUnreadable(main("diff", good.toString(), empty.toString()), "empty", "[EMPTY]");
        assertUnreadable(main("diff", text.toString(), good.toString()), "not a class file", "[NOT_A_CLASS_FILE]");
        assertUnreadable(main("diff", good.toString(), truncated.toString()), "truncated", "[TRUNCATED]");
        assertUnreadable(main("diff", good.toString(), newer.toString()), "version 99", "[UNSUPPORTED_VERSION]");
        assertUnreadable(main("diff", good.toString(), work.resolve("Missing.class").toString()), "no such file", "");
    }

    @Test
    void wrongArgumentsAreAUsageError() {
        Run run = main("diff", "Only.class");
        assertEquals(64, run.exitCode());
        assertTrue(run.err().contains("diff [--loader=app|other] OLD.class NEW.class"), run.err());
    }

    @Test
    void anUnknownLoaderIsAUsageError() {
        Run run = main("diff", "--loader=plugin", "Old.class", "New.class");
        assertEquals(64, run.exitCode());
        assertTrue(run.err().contains("--loader=plugin: the loader is app"), run.err());
    }

    private static void assertUnreadable(Run run, String words, String reason) {
        assertEquals(3, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("[reload] error: ") && run.err().contains(words) && run.err().contains(reason),
                run.err());
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
    }
}
