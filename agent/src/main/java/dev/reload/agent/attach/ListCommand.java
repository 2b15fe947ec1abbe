package dev.reload.agent.attach;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** {@code java -jar reload-agent.jar list}: the Java programs running on this machine that the agent can attach to. */
public final class ListCommand {
    private ListCommand() {
    }

    /**
     * {@return the exit code: 0 when the list was printed}
     *
     * @param args the words after {@code list}, expected none, never null
     * @param out where the list goes, never null
     * @param err where errors go, never null
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            err.println("[reload] error: list takes no arguments; run with --help for the usage");
            return 64;
        }
        Optional<String> problem = AttachSupport.problem();
        if (problem.isPresent()) {
            err.println("[reload] error: " + problem.get());
            return 1;
        }
        List<RunningJvm> jvms = RunningJvms.list();
        if (jvms.isEmpty()) {
            err.println("[reload] no other Java program of this user found (one started with -XX:-UsePerfData is"
                    + " not listed, but attach takes its pid)");
            return 0;
        }
        out.println(String.format("%-8s %s", "PID", "MAIN CLASS AND ARGUMENTS"));
        jvms.forEach(jvm -> out.println(jvm.describe()));
        return 0;
    }
}
