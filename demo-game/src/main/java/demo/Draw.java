package demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;

/** Drawing helpers the entities share. */
final class Draw {
    private Draw() {
    }

    /** {@return a circle around a centre} */
    static Ellipse2D circle(double centreX, double centreY, double radius) {
        return new Ellipse2D.Double(centreX - radius, centreY - radius, radius * 2, radius * 2);
    }

    /** Fills a soft halo of colour {@code rgb} (0xRRGGBB), {@code alpha} (0-255) at the centre, clear at the rim. */
    static void glow(Graphics2D g, double centreX, double centreY, double radius, int rgb, int alpha) {
        Color centre = new Color((alpha << 24) | (rgb & 0xffffff), true);
        Color rim = new Color(rgb & 0xffffff, true);
        g.setPaint(new RadialGradientPaint((float) centreX, (float) centreY, (float) radius,
                new float[] {0f, 1f}, new Color[] {centre, rim}));
        g.fill(circle(centreX, centreY, radius));
    }

    @OnReload
    static void reloaded() {
        ReloadNotice.show();
    }
}
