package dev.reload.agent.report;

import dev.reload.agent.config.LogLevel;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Writes the agent's report lines: each one plain line starting with {@code [reload] } on standard
 * error, or, with {@code log=system}, a message to {@link System.Logger} named {@code dev.reload}.
 * Thread-safe; never throws.
 */
public final class Reporter {
    /** What starts every line the agent prints. */
    public static final String PREFIX = "[reload] ";

    private final LogLevel level;
    private final PrintStream err;
    private volatile System.Logger logger;

    /**
     * @param level how much to report and where, never null
     * @param err the stream for plain lines, normally {@code System.err}, never null
     */
    public Reporter(LogLevel level, PrintStream err) {
        this.level = Objects.requireNonNull(level);
        this.err = Objects.requireNonNull(err);
    }

    /** {@return a reporter that prints at the given level to standard error} */
    public static Reporter toStandardError(LogLevel level) {
        return new Reporter(level, System.err);
    }

    /** Reports an outcome the user should see, such as a batch applied. */
    public void info(String message) {
        emit(System.Logger.Level.INFO, message, level != LogLevel.OFF && level != LogLevel.SYSTEM);
    }

    /** Reports a problem: bad input, a refused change, a failing hook. */
    public void error(String message) {
        emit(System.Logger.Level.WARNING, message, level != LogLevel.OFF && level != LogLevel.SYSTEM);
    }

    /** Reports detail that helps when something does not reload as expected. */
    public void debug(String message) {
        emit(System.Logger.Level.DEBUG, message, level == LogLevel.DEBUG);
    }

    /** {@return true when debug lines are printed, so callers can skip building them} */
    public boolean isDebug() {
        return level == LogLevel.DEBUG;
    }

    private void emit(System.Logger.Level systemLevel, String message, boolean plain) {
        if (plain) {
            err.println(PREFIX + message);
        } else if (level == LogLevel.SYSTEM && systemLevel != System.Logger.Level.DEBUG) {
            systemLogger().log(systemLevel, PREFIX + message);
        }
    }

    private System.Logger systemLogger() {
        // Looked up on first use: fetching it at start would set up the program's logging before its main does.
        System.Logger current = logger;
        if (current == null) {
            current = System.getLogger("dev.reload");
            logger = current;
        }
        return current;
    }
}
