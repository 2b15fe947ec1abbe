package demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.RoundRectangle2D;

/** Score, frame rate, a hint for newcomers, and the last reload, drawn over the arena. */
final class Hud {
    private static final Font BIG = new Font(Font.SANS_SERIF, Font.BOLD, 22);
    private static final Font SMALL = new Font(Font.MONOSPACED, Font.PLAIN, 13);
    private static final Font NOTICE = new Font(Font.SANS_SERIF, Font.BOLD, 15);

    private final int width;
    private final int height;
    private final String mode;

    /**
     * @param mode what drives the player, shown under the frame rate ({@code "keyboard"}, {@code "autopilot"}), never null
     */
    Hud(int width, int height, String mode) {
        this.width = width;
        this.height = height;
        this.mode = mode;
    }

    void render(Graphics2D g, World world, int framesPerSecond, long nowNanos) {
        g.setFont(BIG);
        g.setColor(new Color(0xffd23f));
        g.drawString("\u25c6 " + world.score(), 18, 34);
        g.setFont(SMALL);
        g.setColor(new Color(0x8a90b8));
        String fps = framesPerSecond + " fps";
        FontMetrics small = g.getFontMetrics();
        g.drawString(fps, width - 18 - small.stringWidth(fps), 28);
        g.drawString(mode, width - 18 - small.stringWidth(mode), 46);
        g.setColor(new Color(0x5a6090));
        g.drawString("edit demo/Player.java, recompile: the game changes as it runs", 18, height - 16);
        renderNotice(g, nowNanos);
    }

    @OnReload
    static void reloaded() {
        ReloadNotice.show();
    }

    private void renderNotice(Graphics2D g, long nowNanos) {
        ReloadNotice.Text notice = ReloadNotice.text();
        float opacity = ReloadNotice.opacity(nowNanos);
        if (notice == null || opacity <= 0) {
            return;
        }
        g.setFont(NOTICE);
        FontMetrics metrics = g.getFontMetrics();
        int room = width - 2 * 150;
        String text = "\u21bb " + notice.full();
        if (metrics.stringWidth(text) > room) {
            text = fit("\u21bb " + notice.brief(), metrics, room);
        }
        int textWidth = metrics.stringWidth(text);
        double boxX = (width - textWidth) / 2.0 - 16;
        double boxY = 16;
        g.setColor(new Color(0x33, 0xcc, 0x66, (int) (60 * opacity)));
        g.fill(new RoundRectangle2D.Double(boxX, boxY, textWidth + 32, 32, 16, 16));
        g.setColor(new Color(0xb8, 0xff, 0xd0, (int) (255 * opacity)));
        g.drawString(text, (float) (boxX + 16), (float) (boxY + 21));
    }

    private static String fit(String text, FontMetrics metrics, int room) {
        if (metrics.stringWidth(text) <= room) {
            return text;
        }
        int length = text.length();
        while (length > 1 && metrics.stringWidth(text.substring(0, length) + "\u2026") > room) {
            length--;
        }
        return text.substring(0, length) + "\u2026";
    }
}
