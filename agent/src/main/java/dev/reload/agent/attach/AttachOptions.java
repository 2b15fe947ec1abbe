package dev.reload.agent.attach;

import dev.reload.agent.config.BadOptionException;
import dev.reload.agent.config.OptionParser;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The agent options given to {@code attach}: checked here, so a typo is reported by the command instead of in
 * the other program, and with directories made absolute, because the other program has its own working directory.
 */
final class AttachOptions {
    private static final Set<String> DIRECTORY_KEYS = Set.of("watch", "src");

    private AttachOptions() {
    }

    /**
     * {@return the options to hand to the agent: those given, joined with {@code ,}, directories absolute}
     *
     * @param given the command-line words after the target, each {@code key=value} or a comma-separated list of them,
     *     never null
     * @throws BadOptionException when the agent would refuse them
     */
    static String prepare(List<String> given) throws BadOptionException {
        List<String> pairs = new ArrayList<>();
        for (String word : given) {
            for (String pair : word.split(",", -1)) {
                if (!pair.isBlank()) {
                    pairs.add(absolute(pair.strip()));
                }
            }
        }
        String options = String.join(",", pairs);
        OptionParser.parse(options, new Properties());
        return options;
    }

    private static String absolute(String pair) {
        int equals = pair.indexOf('=');
        if (equals <= 0 || !DIRECTORY_KEYS.contains(pair.substring(0, equals))) {
            return pair;
        }
        List<String> directories = new ArrayList<>();
        for (String part : pair.substring(equals + 1).split(File.pathSeparator, 0)) {
            try {
                directories.add(part.isBlank() ? part : Path.of(part).toAbsolutePath().normalize().toString());
            } catch (InvalidPathException e) {
                directories.add(part); // the parser names it
            }
        }
        return pair.substring(0, equals + 1) + String.join(File.pathSeparator, directories);
    }
}
