package demo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One status line of a headless run, {@code frame 120 score 14 player 312,240 colour #33cc66}, as a test reads it.
 *
 * @param colour the player's colour as 0xRRGGBB
 */
record StatusLine(long frame, int score, int x, int y, int colour) {
    private static final Pattern LINE = Pattern.compile(
            "^frame (\\d+) score (\\d+) player (-?\\d+),(-?\\d+) colour #([0-9a-f]{6})$");

    /** {@return the status line {@code line} holds, or null when it is some other output} */
    static StatusLine parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        return new StatusLine(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5), 16));
    }

    /** {@return the status lines among {@code lines}, in order} */
    static List<StatusLine> all(List<String> lines) {
        List<StatusLine> statuses = new ArrayList<>();
        for (String line : lines) {
            StatusLine status = parse(line);
            if (status != null) {
                statuses.add(status);
            }
        }
        return statuses;
    }
}
