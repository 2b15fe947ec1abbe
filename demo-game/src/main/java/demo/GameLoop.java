package demo;

import java.awt.Graphics2D;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * A fixed-timestep loop: {@link Game#UPDATES_PER_SECOND} updates per second of real time, whatever the
 * drawing costs, and a frame drawn after each round of updates.
 *
 * <p>This loop never picks up edits. It runs for as long as the game does, and a method that is running
 * keeps the code it started with. That is why it only keeps time: all the work of a frame is in
 * {@link Game#update} and {@link Game#render} and the methods they call, which start afresh every frame
 * and so run the newest code the moment it is loaded.
 */
final class GameLoop {
    private static final long STEP_NANOS = 1_000_000_000L / Game.UPDATES_PER_SECOND;
    // After a stall (a debugger, a slow machine) give up on catching up rather than fast-forwarding.
    private static final int MAX_UPDATES_PER_FRAME = 5;

    private final PrintStream errors;
    private String lastFailure;

    /**
     * @param errors where failures in a frame are reported, never null
     */
    GameLoop(PrintStream errors) {
        this.errors = errors;
    }

    /** Runs until the screen is closed or the game has run {@code frameLimit} updates. */
    void run(Game game, Screen screen, long frameLimit) throws InterruptedException {
        long next = System.nanoTime();
        while (screen.isOpen() && game.frame() < frameLimit) {
            int updates = 0;
            while (updates < MAX_UPDATES_PER_FRAME && game.frame() < frameLimit && System.nanoTime() - next >= 0) {
                next += STEP_NANOS;
                updates++;
                update(game);
            }
            if (updates == MAX_UPDATES_PER_FRAME) {
                next = Math.max(next, System.nanoTime());
            }
            if (updates > 0) {
                draw(game, screen);
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }

    /** Draws one frame of the game on a screen. */
    void draw(Game game, Screen screen) {
        Graphics2D g = screen.beginFrame();
        try {
            game.render(g);
        } catch (RuntimeException | LinkageError e) {
            failed(game, e);
        } finally {
            screen.endFrame(g);
        }
    }

    private void update(Game game) {
        try {
            game.update();
        } catch (RuntimeException | LinkageError e) {
            failed(game, e);
        }
    }

    // A bad edit must not end the game: report the failure once, keep running, and let the next edit fix it.
    private void failed(Game game, Throwable failure) {
        StackTraceElement[] stack = failure.getStackTrace();
        String key = failure + (stack.length > 0 ? " at " + stack[0] : "");
        if (key.equals(lastFailure)) {
            return;
        }
        lastFailure = key;
        errors.println("demo: frame " + game.frame() + " failed; the game keeps running, fix the code and recompile:");
        failure.printStackTrace(errors);
    }
}
