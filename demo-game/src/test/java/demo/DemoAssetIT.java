package demo;

import dev.reload.fixtures.harness.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's asset walkthrough: the built demo runs headless with the agent and {@code sync=demo.Game.update}, as
 * {@code ./run-demo} starts it; its palette is saved with new colours into the class directory, and the game reads it
 * at the next frame; a palette with a mistake is named on the HUD and the game plays on.
 */
class DemoAssetIT {
    @BeforeAll
    static void jdksArePresent() {
        DemoRun.assertJdksPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void aSavedPaletteIsReadAtTheNextFrameAndAMistakeIsNamed(Path jdk, @TempDir Path work) throws IOException {
        Path classes = work.resolve("classes");
        DemoRun.copyTree(DemoRun.classes(), classes);
        Path palette = classes.resolve("demo/palette.txt");
        String shipped = Files.readString(palette);
        assertTrue(shipped.contains("gem = #ffd23f"), shipped);

        try (ChildJvm game = ChildJvm.on(jdk).reloadAgent("sync=demo.Game.update").classPath(classes)
                .main("demo.Main", "--headless").start()) {
            DemoRun.awaitStatus(game, 0, s -> s.frame() >= 2L * Game.UPDATES_PER_SECOND, "at frame 120");
            int mark = game.stdoutMark();
            Files.writeString(palette, shipped.replace("gem = #ffd23f", "gem = #ff3399"));
            game.awaitStderr("^\\[reload\\] 1 asset in \\d+ ms: palette\\.txt → demo\\.Palette\\.reloadAssets$");
            game.awaitStdoutAfter(mark, "^hud: read palette\\.txt: sky-top #0b0e1c, sky-bottom #1a1438, gem #ff3399$");

            mark = game.stdoutMark();
            Files.writeString(palette, shipped.replace("gem = #ffd23f", "gem = pink"));
            game.awaitStdoutAfter(mark, "^hud: palette\\.txt line \\d+: 'pink' is not a colour of the form #RRGGBB;"
                    + " the colours stay as they were$");
            DemoRun.assertCountedOnWithoutRestart(game);
            assertTrue(game.isAlive(), game::transcript);
        }
    }
}
