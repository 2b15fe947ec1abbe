package dev.reload.agent.attach;

/**
 * A Java program running on this machine, as the JDK's attach mechanism lists it.
 *
 * @param pid the process id
 * @param mainClass the main class, or the jar for {@code java -jar}; {@code (unknown)} when the JVM does not say
 * @param commandLine the main class or jar with the program's arguments, never null
 */
public record RunningJvm(long pid, String mainClass, String commandLine) {

    /** {@return the JVM described by an attach descriptor's display name} */
    static RunningJvm of(long pid, String displayName) {
        String commandLine = displayName == null ? "" : displayName.strip();
        String mainClass = commandLine.isEmpty() ? "(unknown)" : commandLine.split("\\s+", 2)[0];
        return new RunningJvm(pid, mainClass, commandLine);
    }

    private static final int LONGEST_SHOWN = 120;

    /** {@return one line for {@code list}: the pid, then the main class and arguments, cut when very long} */
    public String describe() {
        String shown = commandLine.isEmpty() ? mainClass : commandLine;
        if (shown.length() > LONGEST_SHOWN) {
            shown = shown.substring(0, LONGEST_SHOWN - 3) + "...";
        }
        return String.format("%-8d %s", pid, shown);
    }
}
