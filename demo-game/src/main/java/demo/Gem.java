package demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;

/** A gem to collect: worth one point, then it reappears somewhere else. */
final class Gem {
    static final double RADIUS = 10;

    private double x;
    private double y;
    private double phase;

    Gem(double x, double y, double phase) {
        this.x = x;
        this.y = y;
        this.phase = phase;
    }

    void update(double dt) {
        phase += dt * 3;
    }

    void render(Graphics2D g) {
        double pulse = 1 + Math.sin(phase) * 0.15;
        int rgb = Palette.current().gem();
        Draw.glow(g, x, y, RADIUS * 2.6 * pulse, rgb, 80);
        double size = RADIUS * pulse;
        Path2D.Double diamond = new Path2D.Double();
        diamond.moveTo(x, y - size * 1.3);
        diamond.lineTo(x + size, y);
        diamond.lineTo(x, y + size * 1.3);
        diamond.lineTo(x - size, y);
        diamond.closePath();
        g.setColor(new Color(rgb));
        g.fill(diamond);
        g.setColor(new Color(0xfff4c2));
        g.fill(Draw.circle(x - size * 0.3, y - size * 0.4, size * 0.25));
    }

    boolean touches(double otherX, double otherY, double otherRadius) {
        double reach = RADIUS + otherRadius;
        double dx = x - otherX;
        double dy = y - otherY;
        return dx * dx + dy * dy < reach * reach;
    }

    void moveTo(double newX, double newY) {
        x = newX;
        y = newY;
    }

    double x() {
        return x;
    }

    double y() {
        return y;
    }

    @OnReload
    static void reloaded() {
        ReloadNotice.show();
    }
}
