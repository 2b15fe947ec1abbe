package demo;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorldTest {
    private static final double STEP = 1.0 / Game.UPDATES_PER_SECOND;

    @Test
    void autopilotCollectsGemsAndThePlayerStaysInTheArena() {
        World world = new World(Main.WIDTH, Main.HEIGHT, 7);
        Autopilot autopilot = new Autopilot();
        for (int i = 0; i < 20 * Game.UPDATES_PER_SECOND; i++) {
            autopilot.steer(world);
            world.update(autopilot, STEP);
            Player player = world.player();
            assertTrue(player.x() >= Player.RADIUS && player.x() <= Main.WIDTH - Player.RADIUS, world.status());
            assertTrue(player.y() >= Player.RADIUS && player.y() <= Main.HEIGHT - Player.RADIUS, world.status());
        }
        assertEquals(20L * Game.UPDATES_PER_SECOND, world.frame());
        assertTrue(world.score() >= 5, world.status());
        assertTrue(world.particleCount() > 0, world.status());
    }

    @Test
    void statusReportsTheColourThePlayerWasDrawnIn() {
        World world = new World(Main.WIDTH, Main.HEIGHT, 7);
        assertTrue(world.status().endsWith("colour #000000"), world.status());
        Offscreen screen = new Offscreen(Main.WIDTH, Main.HEIGHT);
        new GameLoop(System.err).draw(new Game(world, new Hud(Main.WIDTH, Main.HEIGHT, "test"), new Autopilot(), null),
                screen);
        assertNotEquals(0, world.player().colour());
        assertTrue(world.status().endsWith(String.format("colour #%06x", world.player().colour())), world.status());
    }

    @Test
    void aFailingFrameIsReportedOnceAndTheLoopKeepsRunning() throws InterruptedException {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Controls broken = new Controls() {
            @Override
            public int dx() {
                throw new IllegalStateException("a bad edit");
            }

            @Override
            public int dy() {
                return 0;
            }
        };
        World world = new World(Main.WIDTH, Main.HEIGHT, 7);
        Game game = new Game(world, new Hud(Main.WIDTH, Main.HEIGHT, "test"), broken, null);
        new GameLoop(new PrintStream(errors, true, StandardCharsets.UTF_8))
                .run(game, new Offscreen(Main.WIDTH, Main.HEIGHT), 20);
        String report = errors.toString(StandardCharsets.UTF_8);
        assertEquals(20L, world.frame(), "every update ran, and failed part way");
        assertEquals(1, report.split("a bad edit", -1).length - 1, report);
        assertTrue(report.contains("the game keeps running"), report);
    }
}
