package dev.reload.agent.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child JVM's safepoint log ({@code -Xlog:safepoint}), read as it grows: how long each redefinition held every
 * thread stopped. That is the part of a reload's pause that is the JVM's own work, for the agent and for the
 * reference alike; the rest of a longer gap is other threads taking the loop's core.
 */
final class SafepointLog {
    /** The JVM's line for one redefinition, on 17 and 25: {@code Safepoint "RedefineClasses", ..., Total: N ns}. */
    private static final Pattern REDEFINITION = Pattern.compile("Safepoint \"RedefineClasses\".*Total: (\\d+) ns");

    private final Path file;
    private int linesRead;

    /** @param file where the child writes the log; must not exist yet, never null */
    SafepointLog(Path file) {
        this.file = file;
    }

    /** {@return the JVM option that writes this log} */
    String jvmOption() {
        return "-Xlog:safepoint=info:file=" + file;
    }

    /** {@return how long each redefinition logged since the last call stopped the program, in nanoseconds} */
    List<Long> newRedefinitions() throws IOException {
        List<Long> nanos = new ArrayList<>();
        if (!Files.exists(file)) {
            return nanos;
        }
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(Math.min(linesRead, lines.size()), lines.size())) {
            Matcher matcher = REDEFINITION.matcher(line);
            if (matcher.find()) {
                nanos.add(Long.parseLong(matcher.group(1)));
            }
        }
        linesRead = lines.size();
        return nanos;
    }
}
