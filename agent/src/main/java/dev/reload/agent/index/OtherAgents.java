package dev.reload.agent.index;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Tells from the JVM's options whether an agent besides this one was started with the program, and so may change
 * classes as they load (a coverage tool, a profiler, an APM agent): {@code -javaagent}, {@code -agentpath} or
 * {@code -agentlib} options other than the one that started this agent. JDWP ({@code -agentlib:jdwp}, the debugger)
 * does not count: it never changes a class as it loads. Nor is a {@code java -jar} whose jar names a
 * {@code Launcher-Agent-Class}: the launcher starts that agent before {@code main}. An agent attached later is not
 * among the options; see {@link CaptureTransformer.Registration}.
 */
public final class OtherAgents {
    private static final File COMMAND_LINE = new File("/proc/self/cmdline");
    /** The environment variables whose options the launcher or the JVM add to the command line's. */
    private static final String[] OPTION_VARIABLES = {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"};

    private OtherAgents() {
    }

    /**
     * {@return true when the JVM was started with an agent besides this one, or when its options cannot all be read}
     * Reads {@code /proc/self/cmdline} and the option variables where there is one (Linux): the platform MXBean
     * that lists the JVM's options loads about a hundred classes and a native library before the program's
     * {@code main}, and is asked only where there is no such file. Read through {@code java.io}, whose classes the
     * JVM has loaded already: {@code Files.readAllBytes} loaded about thirty of {@code java.nio.channels}.
     */
    public static boolean startedWithTheProgram() {
        List<String> options = new ArrayList<>();
        if (COMMAND_LINE.canRead()) {
            try (InputStream in = new FileInputStream(COMMAND_LINE)) {
                options.addAll(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\0")));
            } catch (IOException e) {
                return true;
            }
            for (String variable : OPTION_VARIABLES) {
                String value = System.getenv(variable);
                if (value != null) {
                    options.addAll(List.of(value.trim().split("\\s+")));
                }
            }
        } else {
            options.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        }
        return besidesOne(options) || launchesAnAgent(options);
    }

    /**
     * {@return true when {@code options} run a jar ({@code -jar}) whose manifest names a {@code Launcher-Agent-Class},
     * which the launcher starts before {@code main}, or whose manifest cannot be read} The launcher has opened the jar
     * already, so reading its manifest loads no class.
     *
     * @param options the JVM's options as given, never null
     */
    static boolean launchesAnAgent(List<String> options) {
        int jar = options.indexOf("-jar") + 1;
        if (jar == 0 || jar == options.size()) {
            return false;
        }
        try (JarFile file = new JarFile(options.get(jar))) {
            Manifest manifest = file.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue("Launcher-Agent-Class") != null;
        } catch (IOException | SecurityException e) {
            return true;
        }
    }

    /**
     * {@return true when {@code options} start an agent besides one {@code -javaagent} (this one), or name a file of
     * more options that may} The program's own arguments, after its main class, are read too: an argument that
     * looks like an agent option there only makes the capture stay registered, which is always correct.
     *
     * @param options the JVM's options as given, never null
     */
    static boolean besidesOne(List<String> options) {
        int javaAgents = 0;
        for (String option : options) {
            if (option.startsWith("-javaagent:")) {
                javaAgents++;
            } else if (option.startsWith("-agentpath:")
                    || (option.startsWith("-agentlib:") && !option.startsWith("-agentlib:jdwp"))) {
                return true;
            } else if (option.startsWith("@") || option.startsWith("-XX:VMOptionsFile=")
                    || option.startsWith("-XX:Flags=")) {
                return true; // options read from a file: it may start an agent
            }
        }
        return javaAgents > 1;
    }
}
