package demo;

import java.awt.Color;
import java.awt.Graphics2D;

/** A spark that flies, slows down and fades out. */
final class Particle {
    private final int rgb;
    private final double lifetime;
    private final double size;
    private double x;
    private double y;
    private double vx;
    private double vy;
    private double age;

    Particle(double x, double y, double vx, double vy, double lifetime, double size, int rgb) {
        this.x = x;
        this.y = y;
        this.vx = vx;
        this.vy = vy;
        this.lifetime = lifetime;
        this.size = size;
        this.rgb = rgb;
    }

    void update(double dt) {
        x += vx * dt;
        y += vy * dt;
        vx -= vx * 2.5 * dt;
        vy -= vy * 2.5 * dt;
        age += dt;
    }

    void render(Graphics2D g) {
        double left = 1 - age / lifetime;
        int alpha = (int) (255 * Math.max(0, Math.min(1, left)));
        g.setColor(new Color((alpha << 24) | rgb, true));
        g.fill(Draw.circle(x, y, size * (0.4 + 0.6 * left)));
    }

    boolean dead() {
        return age >= lifetime;
    }

    @OnReload
    static void reloaded() {
        ReloadNotice.show();
    }
}
