package demo;

import dev.reload.fixtures.harness.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The game without a display, as CI and newcomers without one run it: status lines, a screenshot, the fallback. */
class DemoHeadlessIT {
    @BeforeAll
    static void jdksArePresent() {
        DemoRun.assertJdksPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void screenshotShowsTheSceneWithThePlayerWhereTheStatusSays(Path jdk, @TempDir Path work) throws IOException {
        Path png = work.resolve("shots").resolve("demo.png");
        try (ChildJvm game = ChildJvm.on(jdk).classPath(DemoRun.classes())
                .main("demo.Main", "--headless", "--frames", "120", "--screenshot", png.toString()).start()) {
            assertEquals(0, game.awaitExit(DemoRun.WAIT), game::transcript);
            List<StatusLine> statuses = StatusLine.all(game.stdout());
            assertEquals(List.of(60L, 120L), statuses.stream().map(StatusLine::frame).toList(), game::transcript);
            DemoRun.assertCountedOnWithoutRestart(game);
            StatusLine last = statuses.get(1);
            assertTrue(last.x() != Main.WIDTH / 2 || last.y() != Main.HEIGHT / 2,
                    () -> "the autopilot did not move the player\n" + game.transcript());

            assertTrue(Files.isRegularFile(png), () -> "no screenshot\n" + game.transcript());
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, "not a PNG: " + png);
            assertEquals(Main.WIDTH, image.getWidth());
            assertEquals(Main.HEIGHT, image.getHeight());
            assertTrue(brightPixels(image) > 2_000, "the screenshot is mostly background: " + brightPixels(image));
            assertTrue(drawnNear(image, last.x(), last.y(), last.colour()),
                    String.format("no pixel of colour #%06x near the player at %d,%d", last.colour(), last.x(), last.y()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void withoutADisplayTheWindowedCommandRunsHeadless(Path jdk) {
        try (ChildJvm game = ChildJvm.on(jdk).jvmOption("-Djava.awt.headless=true").classPath(DemoRun.classes())
                .main("demo.Main", "--frames", "60").start()) {
            assertEquals(0, game.awaitExit(DemoRun.WAIT), game::transcript);
            game.awaitStderr("^demo: no display available .*running headless instead");
            assertEquals(1, StatusLine.all(game.stdout()).size(), game::transcript);
        }
    }

    // The background is a dark gradient with a faint grid: no channel gets near 120 anywhere in it.
    private static int brightPixels(BufferedImage image) {
        int bright = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int max = Math.max((rgb >> 16) & 0xff, Math.max((rgb >> 8) & 0xff, rgb & 0xff));
                if (max > 120) {
                    bright++;
                }
            }
        }
        return bright;
    }

    private static boolean drawnNear(BufferedImage image, int centreX, int centreY, int colour) {
        int reach = (int) Player.RADIUS;
        for (int y = Math.max(0, centreY - reach); y < Math.min(image.getHeight(), centreY + reach); y++) {
            for (int x = Math.max(0, centreX - reach); x < Math.min(image.getWidth(), centreX + reach); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == colour) {
                    return true;
                }
            }
        }
        return false;
    }
}
