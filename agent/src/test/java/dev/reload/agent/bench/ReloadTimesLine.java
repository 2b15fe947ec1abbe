package dev.reload.agent.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * reload-agent's debug line after a batch's report, read back: where the batch's time went, in milliseconds as the
 * agent printed them ({@code ReloadTimes} in the agent). Used by the batch benchmark and by the tests of the line.
 *
 * @param total the time the report gives
 * @param writes from the first write of the burst to its last
 * @param afterWrites from the last write to the batch handed out: the files read and the wait for the burst's end
 * @param judging judging and planning
 * @param settling to the end of the settle period
 * @param waiting waiting to be applied (the sync point's wait, with one)
 * @param call the {@code redefineClasses} call
 * @param rest defining new classes and recording what runs
 */
public record ReloadTimesLine(double total, double writes, double afterWrites, double judging, double settling,
                              double waiting, double call, double rest) {
    private static final Pattern LINE = Pattern.compile("^\\[reload] where the (\\S+) ms went: (\\S+) from the first"
            + " write to the last, (\\S+) from the last write to the batch's end, (\\S+) judging and planning,"
            + " (\\S+) to the end of the settle period, (\\S+) waiting to be applied, (\\S+) in redefineClasses,"
            + " (\\S+) defining new classes and recording what runs$");

    /** {@return the line read back, or empty when it is not such a line} */
    public static Optional<ReloadTimesLine> parse(String line) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        double[] ms = new double[8];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = Double.parseDouble(matcher.group(i + 1));
        }
        return Optional.of(new ReloadTimesLine(ms[0], ms[1], ms[2], ms[3], ms[4], ms[5], ms[6], ms[7]));
    }

    /** {@return the stages added up, to set beside {@link #total}} */
    public double stages() {
        return writes + afterWrites + judging + settling + waiting + call + rest;
    }
}
