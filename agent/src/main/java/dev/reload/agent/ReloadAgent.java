package dev.reload.agent;

import dev.reload.agent.config.AgentConfig;
import dev.reload.agent.config.BadOptionException;
import dev.reload.agent.config.OptionParser;
import dev.reload.agent.report.Reporter;

import java.lang.instrument.Instrumentation;

/**
 * Entry point of {@code -javaagent:reload-agent.jar} and of attaching later. Parses the options and hands
 * off; a bad option switches the agent off with one line and the program runs as if it were absent.
 */
public final class ReloadAgent {
    /**
     * The system property the agent sets once it runs, to its options: {@code attach} reads it to tell a user the
     * agent is there already. Outside the {@code reload.} option namespace, so it is never taken for an option.
     */
    public static final String RUNNING_PROPERTY = "dev.reload.agent";

    /**
     * Whether an agent started in this JVM; guarded by the class. Not an {@code AtomicBoolean}, whose {@code VarHandle}
     * loads eight classes of {@code java.lang.invoke} before the program's {@code main}.
     */
    private static boolean started;

    private ReloadAgent() {
    }

    /** Called by the JVM before {@code main} when started with {@code -javaagent}. */
    public static void premain(String agentArguments, Instrumentation instrumentation) {
        start(agentArguments, instrumentation, false);
    }

    /** Called by the JVM when the agent is attached to a program that is already running. */
    public static void agentmain(String agentArguments, Instrumentation instrumentation) {
        start(agentArguments, instrumentation, true);
    }

    private static void start(String agentArguments, Instrumentation instrumentation, boolean attachedLater) {
        AgentConfig config;
        try {
            config = OptionParser.parse(agentArguments, System.getProperties());
        } catch (BadOptionException e) {
            System.err.println(Reporter.PREFIX + "error: " + e.getMessage()
                    + "; the agent is off and the program runs without reloading");
            return;
        }
        if (!startsFirst()) {
            // A second copy would watch and redefine the same classes twice over.
            System.err.println(Reporter.PREFIX + "error: the agent runs in this program already; options '"
                    + (agentArguments == null ? "" : agentArguments) + "' are ignored");
            return;
        }
        System.setProperty(RUNNING_PROPERTY, agentArguments == null ? "" : agentArguments);
        try {
            AgentRuntime.start(config, instrumentation, attachedLater);
        } catch (RuntimeException | LinkageError e) {
            // Whatever goes wrong here, the program itself must still start.
            System.err.println(Reporter.PREFIX + "error: the agent could not start (" + e
                    + "); the program runs without reloading");
        }
    }

    /** {@return true for the first agent to start in this JVM, false for any later one} */
    private static synchronized boolean startsFirst() {
        if (started) {
            return false;
        }
        started = true;
        return true;
    }
}
