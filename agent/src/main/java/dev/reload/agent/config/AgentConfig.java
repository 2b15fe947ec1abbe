package dev.reload.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The agent's settings, parsed once at start and never changed.
 *
 * @param watchDirectories the directories given with {@code watch=}; empty means every directory on
 *     {@code java.class.path}, plus directories that class loaders created later load from
 * @param quietPeriod how long the watched trees must stay quiet before the writes seen are applied as one batch
 * @param logLevel where report lines go
 * @param pollInterval when present, poll the watched trees at this interval instead of using native file events
 * @param sourceDirectories the directories given with {@code src=}: Java sources the agent compiles itself when
 *     they change; empty means the agent leaves compiling to the IDE or build
 * @param newFieldInitializers true (the default; {@code clinit=new-fields} says the same): a reload that adds static
 *     fields runs their initializers once, and one that changes the initializer of a static field runs the new one,
 *     each taken out of the new static initializer, so a new or changed {@code static final} table or colour holds
 *     its value at its first use; false ({@code clinit=none}) runs none of them
 * @param syncPoint when present ({@code sync=}), the method at whose entry batches are applied, on the game's thread
 * @param assetDirectories the directories given with {@code assets=}, watched for assets only, besides the assets of
 *     the watched class directories; may be empty
 */
public record AgentConfig(List<Path> watchDirectories, Duration quietPeriod, LogLevel logLevel,
                          Optional<Duration> pollInterval, List<Path> sourceDirectories,
                          boolean newFieldInitializers, Optional<SyncTarget> syncPoint,
                          List<Path> assetDirectories) {

    /** The quiet period when none is given: long enough to merge one compile's writes, short enough for the 15 ms budget. */
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(5);

    public AgentConfig {
        watchDirectories = List.copyOf(watchDirectories);
        sourceDirectories = List.copyOf(sourceDirectories);
        assetDirectories = List.copyOf(assetDirectories);
    }

    /** {@return the settings used when the user gives no options} */
    public static AgentConfig defaults() {
        return new AgentConfig(List.of(), DEFAULT_QUIET_PERIOD, LogLevel.INFO, Optional.empty(), List.of(), true,
                Optional.empty(), List.of());
    }

    /** {@return true when no {@code watch=} was given and the class path decides what is watched} */
    public boolean watchesClassPath() {
        return watchDirectories.isEmpty();
    }

    /** {@return true when {@code src=} was given and the agent compiles changed sources itself} */
    public boolean compilesSources() {
        return !sourceDirectories.isEmpty();
    }
}
