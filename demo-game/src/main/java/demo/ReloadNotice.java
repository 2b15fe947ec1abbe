package demo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last reload the HUD shows. The agent's hooks ({@link OnReload}) take no arguments, so the text comes
 * from a hand-off the agent documents: before it runs the hooks of a batch it publishes that batch's report
 * line in the system property {@value #REPORT_PROPERTY}.
 */
final class ReloadNotice {
    /** The system property the agent sets to the last report line before it runs hooks. */
    static final String REPORT_PROPERTY = "reload.lastReport";

    /** Shown when the agent did not publish its report line. */
    static final String FALLBACK = "code reloaded";

    // "[reload] 1 class in 4 ms: demo.Player (render)" -> "reloaded demo.Player (render) in 4 ms"
    private static final Pattern REPORT = Pattern.compile("^(?:\\[reload] )?\\d+ class(?:es)? in (\\S+ ms): (.+)$");

    private static volatile String message;
    private static volatile long shownAtNanos;
    private static volatile boolean echo;

    private ReloadNotice() {
    }

    /** Also prints each notice to standard output as {@code hud: TEXT}, so a headless run can be watched. */
    static void echoToStandardOutput() {
        echo = true;
    }

    /** Records that code was reloaded; called from the agent's thread by the hooks of the game's classes. */
    static void show() {
        String text = describe(System.getProperty(REPORT_PROPERTY));
        shownAtNanos = System.nanoTime();
        message = text;
        if (echo) {
            System.out.println("hud: " + text);
        }
    }

    /** {@return the last notice, or null when nothing was reloaded yet} */
    static String message() {
        return message;
    }

    /** {@return how much of the notice is visible at {@code nowNanos}: 1 for 3 s, then fading to 0 over 1 s} */
    static float opacity(long nowNanos) {
        if (message == null) {
            return 0f;
        }
        double ageSeconds = (nowNanos - shownAtNanos) / 1e9;
        return (float) Math.max(0, Math.min(1, 4.0 - ageSeconds));
    }

    /** {@return the text the HUD shows for a report line, which may be null or in a form not known here} */
    static String describe(String reportLine) {
        if (reportLine == null || reportLine.isBlank()) {
            return FALLBACK;
        }
        String line = reportLine.strip();
        Matcher report = REPORT.matcher(line);
        if (report.matches()) {
            return "reloaded " + report.group(2) + " in " + report.group(1);
        }
        return line.startsWith("[reload] ") ? line.substring("[reload] ".length()) : line;
    }
}
