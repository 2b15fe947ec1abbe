package demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;

/** A drone that drifts across the arena and bounces off its walls. */
final class Enemy {
    private static final int[] COLOURS = {0xff5470, 0xff8a3d, 0xb26bff};

    private final double radius;
    private final int rgb;
    private double x;
    private double y;
    private double vx;
    private double vy;
    private double spin;

    Enemy(double x, double y, double vx, double vy, double radius, int kind) {
        this.x = x;
        this.y = y;
        this.vx = vx;
        this.vy = vy;
        this.radius = radius;
        this.rgb = COLOURS[Math.floorMod(kind, COLOURS.length)];
    }

    void update(double dt, int width, int height) {
        x += vx * dt;
        y += vy * dt;
        if ((x < radius && vx < 0) || (x > width - radius && vx > 0)) {
            vx = -vx;
        }
        if ((y < radius && vy < 0) || (y > height - radius && vy > 0)) {
            vy = -vy;
        }
        spin += dt * 2.2;
    }

    void render(Graphics2D g) {
        Color colour = new Color(rgb);
        Draw.glow(g, x, y, radius * 2.2, rgb, 70);
        g.setColor(colour);
        g.fill(star(8, radius, radius * 0.62));
        g.setColor(new Color(0x10131f));
        g.fill(Draw.circle(x, y, radius * 0.42));
        g.setColor(colour.brighter());
        g.setStroke(new BasicStroke(2f));
        g.draw(Draw.circle(x, y, radius * 0.42));
    }

    boolean touches(double otherX, double otherY, double otherRadius) {
        double reach = radius * 0.85 + otherRadius;
        double dx = x - otherX;
        double dy = y - otherY;
        return dx * dx + dy * dy < reach * reach;
    }

    double x() {
        return x;
    }

    double y() {
        return y;
    }

    int rgb() {
        return rgb;
    }

    @OnReload
    static void reloaded() {
        ReloadNotice.show();
    }

    private Path2D star(int points, double outer, double inner) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < points * 2; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double angle = spin + Math.PI * i / points;
            double px = x + Math.cos(angle) * r;
            double py = y + Math.sin(angle) * r;
            if (i == 0) {
                path.moveTo(px, py);
            } else {
                path.lineTo(px, py);
            }
        }
        path.closePath();
        return path;
    }
}
