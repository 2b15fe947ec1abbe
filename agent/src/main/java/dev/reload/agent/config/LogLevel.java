package dev.reload.agent.config;

import java.util.Locale;

/** Where the agent's report lines go, and how many of them. */
public enum LogLevel {
    /** One line per batch and per problem, on standard error. */
    INFO,
    /** As {@link #INFO}, plus what the agent watches, skips and why. */
    DEBUG,
    /** Nothing at all. */
    OFF,
    /** The {@link #INFO} lines, sent through {@link System.Logger} for programs with their own logging. */
    SYSTEM;

    /** {@return the option value that selects this level, as written by users} */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
