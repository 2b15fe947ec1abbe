package demo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last reload the HUD shows, or what the game made of an asset it read again ({@link Palette}). The agent's
 * hooks of a class ({@link OnReload}) take no arguments, so the text comes
 * from a hand-off the agent documents: before it runs the hooks of a batch it publishes that batch's report
 * line in the system property {@value #REPORT_PROPERTY}.
 */
final class ReloadNotice {
    /** The system property the agent sets to the last report line before it runs hooks. */
    static final String REPORT_PROPERTY = "dev.reload.lastReport";

    /** Shown when the agent did not publish its report line. */
    static final String FALLBACK = "code reloaded";

    // "[reload] 1 class in 4 ms: demo.Player (render)" -> "reloaded demo.Player (render) in 4 ms"
    private static final Pattern REPORT = Pattern.compile("^(?:\\[reload] )?(\\d+ class(?:es)?) in (\\S+ ms): (.+)$");

    /**
     * A notice in two lengths.
     *
     * @param full the whole text, never null
     * @param brief a shorter text for when the whole one does not fit, never null
     */
    record Text(String full, String brief) {
    }

    private static final long SAME_BATCH_NANOS = 250_000_000L;

    // Loads Text with this class, when the game starts. A class first loaded during a reload can find its
    // file missing (mvn compile deletes the module's classes before it writes them again), and a class
    // that failed to load stays failed for the rest of the run.
    private static final Text NOTHING_YET = new Text("", "");

    private static volatile Text text = NOTHING_YET;
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
        show(describe(System.getProperty(REPORT_PROPERTY)));
    }

    /** Shows a notice of the game's own, such as what it made of an asset it read again. */
    static void show(String message) {
        show(new Text(message, message));
    }

    private static void show(Text described) {
        long now = System.nanoTime();
        // A batch that touched several classes runs each one's hook: show its report once.
        Text last = text;
        if (described.equals(last) && now - shownAtNanos < SAME_BATCH_NANOS) {
            return;
        }
        shownAtNanos = now;
        text = described;
        if (echo) {
            System.out.println("hud: " + described.full());
        }
    }

    /** {@return the last notice, or null when nothing was reloaded yet} */
    @SuppressWarnings("ReferenceEquality") // NOTHING_YET is a marker, known by identity
    static Text text() {
        Text last = text;
        return last == NOTHING_YET ? null : last;
    }

    /** {@return how much of the notice is visible at {@code nowNanos}: 1 for 3 s, then fading to 0 over 1 s} */
    @SuppressWarnings("ReferenceEquality") // NOTHING_YET is a marker, known by identity
    static float opacity(long nowNanos) {
        if (text == NOTHING_YET) {
            return 0f;
        }
        double ageSeconds = (nowNanos - shownAtNanos) / 1e9;
        return (float) Math.max(0, Math.min(1, 4.0 - ageSeconds));
    }

    /** {@return the text the HUD shows for a report line, which may be null or in a form not known here} */
    static Text describe(String reportLine) {
        if (reportLine == null || reportLine.isBlank()) {
            return new Text(FALLBACK, FALLBACK);
        }
        String line = reportLine.strip();
        Matcher report = REPORT.matcher(line);
        if (report.matches()) {
            return new Text("reloaded " + report.group(3) + " in " + report.group(2),
                    "reloaded " + report.group(1) + " in " + report.group(2));
        }
        String plain = line.startsWith("[reload] ") ? line.substring("[reload] ".length()) : line;
        return new Text(plain, plain);
    }
}
