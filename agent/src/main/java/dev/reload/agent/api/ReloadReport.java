package dev.reload.agent.api;

import java.time.Duration;
import java.util.List;

/**
 * What happened to one batch of changed class files.
 *
 * @param outcome whether the batch was applied, never null
 * @param classes the classes of the batch that are loaded and changed, never null; for a refused batch, the
 *     classes that would have been changed
 * @param reasons for a refused or failed batch, one line per reason naming class, member and why, never
 *     null; empty for an applied batch
 * @param elapsed from the first write of the batch seen to the end of the redefinition, never null
 */
public record ReloadReport(Outcome outcome, List<ReloadedClass> classes, List<String> reasons, Duration elapsed) {
    public ReloadReport {
        classes = List.copyOf(classes);
        reasons = List.copyOf(reasons);
    }

    /** How a batch ended. */
    public enum Outcome {
        /** Every class was redefined; the program runs the new code. */
        APPLIED,
        /** A change cannot be applied to the running program; nothing was changed. */
        REFUSED,
        /** The JVM refused the redefinition; nothing was changed. */
        FAILED
    }

    /** {@return true when the program now runs the new code} */
    public boolean applied() {
        return outcome == Outcome.APPLIED;
    }

    /**
     * {@return the report's first line, without the {@code [reload] } prefix: the classes and their changed
     * methods, or the one reason nothing was changed; with several reasons, they follow on lines of their own}
     */
    public String summary() {
        return switch (outcome) {
            case APPLIED -> classes.size() + (classes.size() == 1 ? " class" : " classes") + " in "
                    + elapsed.toMillis() + " ms: "
                    + described(classes);
            case REFUSED, FAILED -> (outcome == Outcome.REFUSED ? "refused" : "failed") + ", nothing was changed"
                    + (reasons.size() == 1 ? ": " + reasons.get(0) : " (" + reasons.size() + " reasons):");
        };
    }

    /** A loop, not a stream: every save is reported, and a stream leaves compiled JDK code in the program. */
    private static String described(List<ReloadedClass> classes) {
        // One builder for the whole line: a string per class and per list of names doubles what a large batch allocates.
        StringBuilder described = new StringBuilder(classes.size() * 48);
        for (ReloadedClass each : classes) {
            if (described.length() > 0) {
                described.append(", ");
            }
            each.describeTo(described);
        }
        return described.toString();
    }
}
