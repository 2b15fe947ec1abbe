package dev.reload.agent.bench.jmh;

/**
 * A class that is never edited: a game's particle system, whose {@link #step} is the hot method of the
 * steady-state benchmark. Loaded from a directory reload-agent watches, so the agent tracks it.
 */
public final class Particles {
    private static final double WIDTH = 800;
    private static final double HEIGHT = 600;
    private static final double GRAVITY = 9.81;

    private final double[] x;
    private final double[] y;
    private final double[] vx;
    private final double[] vy;

    /** @param count how many particles, at least 1 */
    public Particles(int count) {
        x = new double[count];
        y = new double[count];
        vx = new double[count];
        vy = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = (i * 37) % WIDTH;
            y[i] = (i * 91) % HEIGHT;
            vx[i] = (i % 13) - 6;
            vy[i] = (i % 7) - 3;
        }
    }

    /**
     * Moves every particle by one time step, bouncing off the walls.
     *
     * @return the sum of the horizontal positions, so the work cannot be dropped
     */
    public double step(double dt) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            vy[i] += GRAVITY * dt;
            x[i] += vx[i] * dt;
            y[i] += vy[i] * dt;
            if (x[i] < 0 || x[i] > WIDTH) {
                vx[i] = -vx[i];
            }
            if (y[i] > HEIGHT) {
                y[i] = HEIGHT;
                vy[i] = -vy[i] * 0.9;
            }
            sum += x[i];
        }
        return sum;
    }
}
