package demo;

import java.nio.file.Path;

/**
 * The demo's command line.
 *
 * @param headless draw into an image in memory, with scripted input, instead of opening a window
 * @param frameLimit stop after this many updates ({@link Long#MAX_VALUE}: run until closed or killed)
 * @param screenshot where to write a PNG of the last frame when the run ends, or null for none
 * @param help print the usage and do nothing else
 */
record Options(boolean headless, long frameLimit, Path screenshot, boolean help) {
    static final String USAGE = """
            usage: demo.Main [--headless] [--frames N] [--screenshot FILE.png]
              (no option)        open a window; arrows or WASD move the player
              --headless         no window: draw into an image in memory, the player on autopilot,
                                 and print one status line per second of game time
              --frames N         stop after N updates (60 per second)
              --screenshot FILE  write the last frame as a PNG when the run ends (needs --frames)""";

    /**
     * Reads the arguments of {@code main}.
     *
     * @param args the arguments, never null
     * @throws BadArgumentException naming the first argument that is unknown, incomplete or malformed
     */
    static Options parse(String[] args) throws BadArgumentException {
        boolean headless = false;
        long frameLimit = Long.MAX_VALUE;
        Path screenshot = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--headless" -> headless = true;
                case "--frames" -> frameLimit = positive(args[i], value(args, ++i));
                case "--screenshot" -> screenshot = Path.of(value(args, ++i));
                case "--help", "-h" -> {
                    return new Options(false, 0, null, true);
                }
                default -> throw new BadArgumentException(args[i], "unknown option");
            }
        }
        if (screenshot != null && frameLimit == Long.MAX_VALUE) {
            throw new BadArgumentException("--screenshot", "needs --frames N, the screenshot is taken when the run ends");
        }
        return new Options(headless, frameLimit, screenshot, false);
    }

    private static String value(String[] args, int index) throws BadArgumentException {
        if (index >= args.length) {
            throw new BadArgumentException(args[index - 1], "needs a value");
        }
        return args[index];
    }

    private static long positive(String option, String value) throws BadArgumentException {
        try {
            long number = Long.parseLong(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value that was given
        }
        throw new BadArgumentException(option + " " + value, "needs a positive whole number");
    }
}
