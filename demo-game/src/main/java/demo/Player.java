package demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;

/** The player's ship: steered by {@link Controls}, with momentum, knocked back by enemies. */
final class Player {
    static final double RADIUS = 16;
    private static final double ACCELERATION = 2400;
    private static final double DRAG = 8;
    private static final int HURT_FRAMES = 40;

    private double x;
    private double y;
    private double vx;
    private double vy;
    private double heading;
    private int hurtFrames;
    private int colour;

    Player(double x, double y) {
        this.x = x;
        this.y = y;
    }

    void update(Controls controls, double dt, int width, int height) {
        vx += controls.dx() * ACCELERATION * dt;
        vy += controls.dy() * ACCELERATION * dt;
        vx -= vx * DRAG * dt;
        vy -= vy * DRAG * dt;
        x += vx * dt;
        y += vy * dt;
        if (x < RADIUS || x > width - RADIUS) {
            x = Math.max(RADIUS, Math.min(width - RADIUS, x));
            vx = -vx * 0.5;
        }
        if (y < RADIUS || y > height - RADIUS) {
            y = Math.max(RADIUS, Math.min(height - RADIUS, y));
            vy = -vy * 0.5;
        }
        if (vx * vx + vy * vy > 400) {
            heading = Math.atan2(vy, vx);
        }
        if (hurtFrames > 0) {
            hurtFrames--;
        }
    }

    // The colour is written here, in the method body, and not as a static final constant: a reload runs
    // new method bodies, but constants are inlined where used and static initialisers never run again.
    void render(Graphics2D g) {
        Color body = new Color(0x33cc66);
        colour = body.getRGB() & 0xffffff;
        Draw.glow(g, x, y, RADIUS * 2.6, colour, 90);
        g.setColor(body);
        g.fill(Draw.circle(x, y, RADIUS));
        g.setColor(body.darker());
        g.setStroke(new BasicStroke(3f));
        g.draw(Draw.circle(x, y, RADIUS - 1.5));
        double eyeX = x + Math.cos(heading) * 7;
        double eyeY = y + Math.sin(heading) * 7;
        g.setColor(Color.WHITE);
        g.fill(Draw.circle(eyeX, eyeY, 5));
        g.setColor(new Color(0x10131f));
        g.fill(Draw.circle(eyeX + Math.cos(heading) * 1.5, eyeY + Math.sin(heading) * 1.5, 2.5));
        if (hurtFrames > 0) {
            g.setColor(new Color(255, 255, 255, 6 * hurtFrames));
            g.setStroke(new BasicStroke(2f));
            g.draw(Draw.circle(x, y, RADIUS + 6 + (HURT_FRAMES - hurtFrames) * 0.4));
        }
    }

    /** Pushes the player away from a point it collided with, and makes it blink for a moment. */
    void knockFrom(double fromX, double fromY) {
        double dx = x - fromX;
        double dy = y - fromY;
        double length = Math.max(1, Math.hypot(dx, dy));
        vx = dx / length * 520;
        vy = dy / length * 520;
        hurtFrames = HURT_FRAMES;
    }

    boolean hurt() {
        return hurtFrames > 0;
    }

    boolean moving() {
        return vx * vx + vy * vy > 2500;
    }

    double x() {
        return x;
    }

    double y() {
        return y;
    }

    double vx() {
        return vx;
    }

    double vy() {
        return vy;
    }

    /** {@return the body colour the player was last drawn in, as 0xRRGGBB} */
    int colour() {
        return colour;
    }

    @OnReload
    static void reloaded() {
        ReloadNotice.show();
    }
}
