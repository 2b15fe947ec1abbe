package demo;

import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.io.IOException;

/**
 * Starts the demo: a window where there is a display, otherwise (or with {@code --headless}) the same game
 * drawn into an image in memory with the player on autopilot.
 */
public final class Main {
    static final int WIDTH = 960;
    static final int HEIGHT = 540;
    private static final long SEED = 7;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (BadArgumentException e) {
            System.err.println("demo: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(Options.USAGE);
        } else if (options.headless()) {
            runHeadless(options);
        } else {
            runWindowed(options);
        }
    }

    private static void runWindowed(Options options) throws InterruptedException, IOException {
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("demo: no display available (DISPLAY is not set, or java.awt.headless is true):"
                    + " running headless instead, as with --headless");
            runHeadless(options);
            return;
        }
        Keyboard keyboard = new Keyboard();
        GameWindow window;
        try {
            window = GameWindow.open("reload-agent demo", WIDTH, HEIGHT, keyboard);
        } catch (HeadlessException | AWTError e) {
            // AWT picks its graphics environment once per JVM: after this failure even images in memory
            // cannot be drawn, so headless needs a fresh start.
            System.err.println("demo: cannot open a window (" + e.getMessage().strip() + ")."
                    + " Run with --headless, or without DISPLAY set, to play without a display.");
            System.exit(1);
            return;
        }
        System.out.println("demo: arrows or WASD move the player. Edit demo-game/src/main/java/demo/Player.java,"
                + " then run mvn -q -pl demo-game compile (or save in your IDE).");
        Game game = new Game(new World(WIDTH, HEIGHT, SEED), new Hud(WIDTH, HEIGHT, "keyboard"), keyboard, null);
        GameLoop loop = new GameLoop(System.err);
        try {
            loop.run(game, window, options.frameLimit());
            finish(options, game, loop);
        } finally {
            window.close();
        }
        System.exit(0);
    }

    private static void runHeadless(Options options) throws InterruptedException, IOException {
        System.setProperty("java.awt.headless", "true");
        ReloadNotice.echoToStandardOutput();
        System.out.println("demo: headless, " + WIDTH + "x" + HEIGHT + ", player on autopilot, "
                + (options.frameLimit() == Long.MAX_VALUE ? "until stopped" : options.frameLimit() + " frames"));
        Game game = new Game(new World(WIDTH, HEIGHT, SEED), new Hud(WIDTH, HEIGHT, "autopilot"), new Autopilot(),
                System.out);
        GameLoop loop = new GameLoop(System.err);
        loop.run(game, new Offscreen(WIDTH, HEIGHT), options.frameLimit());
        finish(options, game, loop);
    }

    private static void finish(Options options, Game game, GameLoop loop) throws IOException {
        if (options.screenshot() == null) {
            return;
        }
        Offscreen shot = new Offscreen(WIDTH, HEIGHT);
        loop.draw(game, shot);
        shot.save(options.screenshot());
        System.out.println("demo: wrote " + options.screenshot().toAbsolutePath());
    }
}
