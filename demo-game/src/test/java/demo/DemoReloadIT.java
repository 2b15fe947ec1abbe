package demo;

import dev.reload.fixtures.harness.ChildJvm;
import dev.reload.fixtures.harness.FixtureCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's walkthrough, end to end: the game runs headless with the agent from a directory of classes; the
 * player's colour in {@code Player.render} is edited and recompiled into that directory; the running game
 * draws the new colour while its frame count, score and player carry on.
 */
class DemoReloadIT {
    // The first colour literal in Player.java is the body colour Player.render draws.
    private static final Pattern COLOUR = Pattern.compile("new Color\\(0x([0-9a-fA-F]{6})\\)");

    @BeforeAll
    static void jdksArePresent() {
        DemoRun.assertJdksPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void recolouringThePlayerShowsWhileTheGameKeepsItsState(Path jdk, @TempDir Path work) throws IOException {
        Path sources = work.resolve("src");
        Path classes = work.resolve("classes");
        DemoRun.copyTree(DemoRun.sources(), sources);
        FixtureCompiler.compile(sources, classes);
        Path player = sources.resolve("demo/Player.java");
        String original = Files.readString(player);
        Matcher literal = COLOUR.matcher(original);
        assertTrue(literal.find(), "no new Color(0xRRGGBB) in " + player);
        int oldColour = Integer.parseInt(literal.group(1), 16);
        int newColour = oldColour == 0xff3399 ? 0x3399ff : 0xff3399;
        String edited = original.substring(0, literal.start()) + String.format("new Color(0x%06x)", newColour)
                + original.substring(literal.end());

        try (ChildJvm game = ChildJvm.on(jdk).reloadAgent("").classPath(classes)
                .main("demo.Main", "--headless").start()) {
            DemoRun.awaitStatus(game, 0, s -> s.frame() >= 2L * Game.UPDATES_PER_SECOND, "at frame 120");
            StatusLine before = DemoRun.awaitStatus(game, game.stdoutMark(), s -> true, "before the edit");
            assertEquals(oldColour, before.colour(), game::transcript);

            int editMark = game.stdoutMark();
            int reportMark = game.stderrMark();
            Files.writeString(player, edited);
            FixtureCompiler.compile(sources, classes);

            StatusLine after = DemoRun.awaitStatus(game, editMark, s -> s.colour() == newColour,
                    String.format("with colour #%06x", newColour));
            assertTrue(after.frame() > before.frame(), () -> before + " then " + after + "\n" + game.transcript());
            assertTrue(after.score() >= before.score(), () -> before + " then " + after + "\n" + game.transcript());
            DemoRun.awaitStatus(game, game.stdoutMark(), s -> s.score() > before.score(),
                    "with a score above " + before.score());
            game.awaitStderrAfter(reportMark, "^\\[reload\\] .*demo\\.Player");
            game.awaitStdoutAfter(editMark, "^hud: \\S");
            DemoRun.assertCountedOnWithoutRestart(game);
            assertTrue(game.isAlive(), game::transcript);
        }
    }
}
