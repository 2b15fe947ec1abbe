package dev.reload.agent.it;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code jcmd PID VM.metaspace show-loaders} says a program's metaspace holds, in KiB, as JDK 17 and 25 both
 * print it: the {@code Both:} line of the total and of two loaders. Metaspace a loader freed (the old methods and
 * constant pool of a redefined class) stays in that loader's arena, counted as used, until it is reused.
 *
 * @param usedKiB all metaspace used
 * @param appUsedKiB used by the application class loader, which holds the program's classes (and the agent's)
 * @param appFreedKiB of that, the blocks it freed and has not reused ({@code deallocated})
 * @param bootUsedKiB used by the boot loader, which holds the JDK's classes (and the agent's runtime)
 */
record MetaspaceUse(long usedKiB, long appUsedKiB, long appFreedKiB, long bootUsedKiB) {
    private static final String AMOUNT = "([\\d.]+) (bytes|KB|MB|GB)";
    /** A {@code Both:} line: the used amount, then the amount deallocated. */
    private static final Pattern BOTH = Pattern.compile("Both:.*?committed,\\s+" + AMOUNT
            + " \\(\\s*[<>\\d]+%\\) used.*?deallocated: \\d+ blocks with " + AMOUNT);
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total Usage");
    private static final Pattern APP = Pattern.compile("(?m)^\\s*\\d+: CLD \\S+: \"app\" instance of ");
    private static final Pattern BOOT = Pattern.compile("(?m)^\\s*\\d+: CLD \\S+: \"<bootstrap>\",");

    /** {@return the use {@code jcmd PID VM.metaspace show-loaders} printed} */
    static MetaspaceUse parse(String printed) {
        Matcher total = both(printed, TOTAL, "the total");
        Matcher app = both(printed, APP, "the application class loader");
        return new MetaspaceUse(kib(total, 1), kib(app, 1), kib(app, 3),
                kib(both(printed, BOOT, "the boot loader"), 1));
    }

    /** {@return the first {@code Both:} line after the heading, matched} */
    private static Matcher both(String printed, Pattern heading, String what) {
        Matcher start = heading.matcher(printed);
        if (!start.find()) {
            throw new IllegalStateException("jcmd VM.metaspace names no use by " + what + ":\n" + printed);
        }
        Matcher both = BOTH.matcher(printed);
        if (!both.find(start.end())) {
            throw new IllegalStateException("jcmd VM.metaspace prints no Both: line for " + what + ":\n" + printed);
        }
        return both;
    }

    private static long kib(Matcher both, int group) {
        double amount = Double.parseDouble(both.group(group));
        return Math.round(switch (both.group(group + 1)) {
            case "bytes" -> amount / 1024;
            case "KB" -> amount;
            case "MB" -> amount * 1024;
            default -> amount * 1024 * 1024;
        });
    }
}
