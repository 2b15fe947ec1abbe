package demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Everything in the arena and the score. All of it lives in fields of objects that outlive any reload:
 * the agent swaps the code of {@link #update} and {@link #render}, never this state.
 */
final class World {
    private static final int GEMS = 3;
    private static final int ENEMIES = 5;

    private final int width;
    private final int height;
    private final Random random;
    private final Player player;
    private final List<Enemy> enemies = new ArrayList<>();
    private final List<Gem> gems = new ArrayList<>();
    private final List<Particle> particles = new ArrayList<>();
    private long frame;
    private int score;

    World(int width, int height, long seed) {
        this.width = width;
        this.height = height;
        this.random = new Random(seed);
        this.player = new Player(width / 2.0, height / 2.0);
        for (int i = 0; i < ENEMIES; i++) {
            double angle = random.nextDouble() * Math.PI * 2;
            double speed = 70 + random.nextDouble() * 80;
            enemies.add(new Enemy(60 + random.nextDouble() * (width - 120), 40 + random.nextDouble() * 120,
                    Math.cos(angle) * speed, Math.sin(angle) * speed, 15 + random.nextDouble() * 8, i));
        }
        for (int i = 0; i < GEMS; i++) {
            gems.add(new Gem(randomX(), randomY(), i));
        }
        // The player arrives in a burst of sparks. It also loads Particle now, not during some later reload:
        // mvn compile deletes the module's classes before writing them again, and a class whose first load
        // fails in that moment stays failed for the rest of the run.
        burst(player.x(), player.y(), 0x33cc66, 40, 320);
    }

    /** Advances the game by one fixed step of {@code dt} seconds. */
    void update(Controls controls, double dt) {
        frame++;
        player.update(controls, dt, width, height);
        if (player.moving() && frame % 2 == 0) {
            particles.add(new Particle(player.x(), player.y(), -player.vx() * 0.2 + random.nextGaussian() * 15,
                    -player.vy() * 0.2 + random.nextGaussian() * 15, 0.5, 4, player.colour()));
        }
        for (Enemy enemy : enemies) {
            enemy.update(dt, width, height);
            if (!player.hurt() && enemy.touches(player.x(), player.y(), Player.RADIUS)) {
                player.knockFrom(enemy.x(), enemy.y());
                burst(player.x(), player.y(), enemy.rgb(), 18, 260);
            }
        }
        for (Gem gem : gems) {
            gem.update(dt);
            if (gem.touches(player.x(), player.y(), Player.RADIUS)) {
                score++;
                burst(gem.x(), gem.y(), Palette.current().gem(), 28, 220);
                gem.moveTo(randomX(), randomY());
            }
        }
        for (int i = particles.size() - 1; i >= 0; i--) {
            Particle particle = particles.get(i);
            particle.update(dt);
            if (particle.dead()) {
                particles.set(i, particles.get(particles.size() - 1));
                particles.remove(particles.size() - 1);
            }
        }
    }

    /** Draws the arena; the HUD goes on top of it. */
    void render(Graphics2D g) {
        Palette palette = Palette.current();
        g.setPaint(new GradientPaint(0, 0, new Color(palette.skyTop()), 0, height, new Color(palette.skyBottom())));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(255, 255, 255, 12));
        g.setStroke(new BasicStroke(1f));
        for (int gx = 40; gx < width; gx += 40) {
            g.drawLine(gx, 0, gx, height);
        }
        for (int gy = 40; gy < height; gy += 40) {
            g.drawLine(0, gy, width, gy);
        }
        for (Gem gem : gems) {
            gem.render(g);
        }
        for (Particle particle : particles) {
            particle.render(g);
        }
        for (Enemy enemy : enemies) {
            enemy.render(g);
        }
        player.render(g);
    }

    /** {@return one line for watching a headless run from outside} */
    String status() {
        return String.format("frame %d score %d player %d,%d colour #%06x",
                frame, score, Math.round(player.x()), Math.round(player.y()), player.colour());
    }

    /** {@return the gem closest to a point, or null when there is none} */
    Gem nearestGem(double x, double y) {
        Gem nearest = null;
        double best = Double.MAX_VALUE;
        for (Gem gem : gems) {
            double distance = Math.hypot(gem.x() - x, gem.y() - y);
            if (distance < best) {
                best = distance;
                nearest = gem;
            }
        }
        return nearest;
    }

    Player player() {
        return player;
    }

    long frame() {
        return frame;
    }

    int score() {
        return score;
    }

    int particleCount() {
        return particles.size();
    }

    @OnReload
    static void reloaded() {
        ReloadNotice.show();
    }

    private void burst(double x, double y, int rgb, int count, double speed) {
        for (int i = 0; i < count; i++) {
            double angle = random.nextDouble() * Math.PI * 2;
            double v = speed * (0.3 + random.nextDouble() * 0.7);
            particles.add(new Particle(x, y, Math.cos(angle) * v, Math.sin(angle) * v,
                    0.4 + random.nextDouble() * 0.5, 2 + random.nextDouble() * 3, rgb));
        }
    }

    private double randomX() {
        return 40 + random.nextDouble() * (width - 80);
    }

    private double randomY() {
        return 70 + random.nextDouble() * (height - 120);
    }
}
