package dev.reload.agent.config;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Turns the agent arguments ({@code -javaagent:reload-agent.jar=key=value,key=value}) and the system
 * properties ({@code -Dreload.key=value}) into an {@link AgentConfig}. Agent arguments win over
 * system properties when both give a key.
 */
public final class OptionParser {
    /** Prefix of the system properties that carry options. */
    public static final String PROPERTY_PREFIX = "reload.";

    private static final Set<String> KEYS = Set.of("watch", "quiet", "log", "poll", "src", "clinit", "sync", "assets");
    private static final long MAX_MILLIS = 60_000;

    private OptionParser() {
    }

    /**
     * {@return the configuration the user asked for}
     *
     * @param agentArguments the text after {@code =} in {@code -javaagent:}, may be null or empty
     * @param systemProperties the properties to read {@code reload.*} keys from, never null
     * @throws BadOptionException for an unknown key, a missing {@code =}, or a value that cannot be used
     */
    public static AgentConfig parse(String agentArguments, Properties systemProperties) throws BadOptionException {
        Map<String, String> options = new LinkedHashMap<>(fromProperties(systemProperties));
        options.putAll(fromAgentArguments(agentArguments));
        AgentConfig defaults = AgentConfig.defaults();
        List<Path> watch = defaults.watchDirectories();
        Duration quiet = defaults.quietPeriod();
        LogLevel log = defaults.logLevel();
        Optional<Duration> poll = defaults.pollInterval();
        List<Path> src = defaults.sourceDirectories();
        boolean newFieldInitializers = defaults.newFieldInitializers();
        Optional<SyncTarget> sync = defaults.syncPoint();
        List<Path> assets = defaults.assetDirectories();
        for (Map.Entry<String, String> option : options.entrySet()) {
            String key = option.getKey();
            String value = option.getValue();
            switch (key) {
                case "watch" -> watch = parseDirectories(key, value);
                case "quiet" -> quiet = parseMillis(key, value, 0);
                case "log" -> log = parseLogLevel(key, value);
                case "poll" -> poll = Optional.of(parseMillis(key, value, 1));
                case "src" -> src = parseDirectories(key, value);
                case "clinit" -> newFieldInitializers = parseStaticInitializers(key, value);
                case "sync" -> sync = Optional.of(SyncTarget.parse(key, value));
                case "assets" -> assets = parseDirectories(key, value);
                default -> throw new BadOptionException(key, "unknown option '" + key + "' (known: "
                        + String.join(", ", sortedKeys()) + ")");
            }
        }
        return new AgentConfig(watch, quiet, log, poll, src, newFieldInitializers, sync, assets);
    }

    /** {@return the option keys the agent understands, sorted} */
    public static List<String> sortedKeys() {
        return KEYS.stream().sorted().toList();
    }

    private static Map<String, String> fromAgentArguments(String agentArguments) throws BadOptionException {
        Map<String, String> options = new LinkedHashMap<>();
        if (agentArguments == null || agentArguments.isBlank()) {
            return options;
        }
        for (String pair : agentArguments.split(",", -1)) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                String key = equals < 0 ? pair.strip() : "";
                throw new BadOptionException(key, "option '" + pair.strip() + "' needs the form key=value");
            }
            options.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
        return options;
    }

    private static Map<String, String> fromProperties(Properties properties) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(PROPERTY_PREFIX)) {
                options.put(name.substring(PROPERTY_PREFIX.length()), properties.getProperty(name).strip());
            }
        }
        return options;
    }

    private static List<Path> parseDirectories(String key, String value) throws BadOptionException {
        List<Path> directories = new ArrayList<>();
        for (String part : value.split(File.pathSeparator, -1)) {
            if (part.isBlank()) {
                continue;
            }
            try {
                directories.add(Path.of(part).toAbsolutePath().normalize());
            } catch (InvalidPathException e) {
                throw new BadOptionException(key, "option '" + key + "': '" + part + "' is not a valid path ("
                        + e.getReason() + ")");
            }
        }
        if (directories.isEmpty()) {
            throw new BadOptionException(key, "option '" + key + "' needs at least one directory, separated by '"
                    + File.pathSeparator + "'");
        }
        return directories;
    }

    private static Duration parseMillis(String key, String value, long min) throws BadOptionException {
        try {
            long millis = Long.parseLong(value);
            if (millis >= min && millis <= MAX_MILLIS) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below, with the range the user should use
        }
        throw new BadOptionException(key, "option '" + key + "' needs a whole number of milliseconds from "
                + min + " to " + MAX_MILLIS + ", not '" + value + "'");
    }

    private static LogLevel parseLogLevel(String key, String value) throws BadOptionException {
        for (LogLevel level : LogLevel.values()) {
            if (level.optionValue().equals(value.toLowerCase(Locale.ROOT))) {
                return level;
            }
        }
        throw new BadOptionException(key, "option '" + key + "' needs one of info, debug, off, system, not '"
                + value + "'");
    }

    /** {@return true for {@code new-fields} (the default, which runs changed initializers too), false for {@code none}} */
    private static boolean parseStaticInitializers(String key, String value) throws BadOptionException {
        return switch (value) {
            case "new-fields" -> true;
            case "none" -> false;
            default -> throw new BadOptionException(key, "option '" + key + "' needs one of none, new-fields, not '"
                    + value + "'");
        };
    }
}
