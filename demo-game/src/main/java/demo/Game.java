package demo;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.io.PrintStream;

/** What the game loop calls once per step and once per frame; edits to these methods show up at once. */
final class Game {
    /** Updates per second of game time; a status line is printed every this many frames. */
    static final int UPDATES_PER_SECOND = 60;

    private final World world;
    private final Hud hud;
    private final Controls controls;
    private final FrameRate frameRate = new FrameRate();
    private final PrintStream status;

    /**
     * @param status where to print one status line per second of game time, or null for none
     */
    Game(World world, Hud hud, Controls controls, PrintStream status) {
        this.world = world;
        this.hud = hud;
        this.controls = controls;
        this.status = status;
    }

    void update() {
        controls.steer(world);
        world.update(controls, 1.0 / UPDATES_PER_SECOND);
        if (status != null && world.frame() % UPDATES_PER_SECOND == 0) {
            status.println(world.status());
        }
    }

    void render(Graphics2D g) {
        long now = System.nanoTime();
        frameRate.frameDrawn(now);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        world.render(g);
        hud.render(g, world, frameRate.perSecond(), now);
    }

    long frame() {
        return world.frame();
    }

    @OnReload
    static void reloaded() {
        ReloadNotice.show();
    }
}
