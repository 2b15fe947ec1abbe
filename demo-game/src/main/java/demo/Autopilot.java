package demo;

/**
 * Scripted input for headless runs: heads for the nearest gem, so the player moves and the score climbs
 * without anyone at the keyboard. Deterministic for a given world.
 */
final class Autopilot implements Controls {
    private static final double DEAD_ZONE = 6;

    private int dx;
    private int dy;

    @Override
    public void steer(World world) {
        Player player = world.player();
        Gem target = world.nearestGem(player.x(), player.y());
        if (target == null) {
            dx = 0;
            dy = 0;
            return;
        }
        dx = axis(target.x() - player.x());
        dy = axis(target.y() - player.y());
    }

    @Override
    public int dx() {
        return dx;
    }

    @Override
    public int dy() {
        return dy;
    }

    @OnReload
    static void reloaded() {
        ReloadNotice.show();
    }

    private static int axis(double distance) {
        if (Math.abs(distance) < DEAD_ZONE) {
            return 0;
        }
        return distance < 0 ? -1 : 1;
    }
}
