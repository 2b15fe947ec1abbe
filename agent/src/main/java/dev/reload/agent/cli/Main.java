package dev.reload.agent.cli;

import dev.reload.agent.attach.AttachCommand;
import dev.reload.agent.attach.ListCommand;
import dev.reload.agent.config.OptionParser;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of {@code java -jar reload-agent.jar}. Each subcommand returns its exit code.
 */
public final class Main {
    private Main() {
    }

    /** Runs the subcommand named by the first argument and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * {@return the exit code of the subcommand named by {@code args[0]}}
     *
     * @param args the command line, never null
     * @param out where results go, never null
     * @param err where errors go, never null
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || isHelp(args[0])) {
            out.print(usage());
            return args.length == 0 ? 64 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "diff" -> {
                return DiffCommand.run(rest, out, err);
            }
            case "list" -> {
                return ListCommand.run(List.of(rest), out, err);
            }
            case "attach" -> {
                return AttachCommand.run(List.of(rest), out, err);
            }
            default -> {
                err.println("[reload] error: unknown command '" + args[0] + "'; run with --help for the list");
                return 64;
            }
        }
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }

    static String usage() {
        return """
                reload-agent: hot code reload for the JVM

                As an agent (the usual way):
                  java -javaagent:reload-agent.jar[=key=value,key=value] -cp <classes dir> <main class>
                  Options (also as system properties -Dreload.<key>=<value>):
                    watch=DIR[%1$sDIR...]  directories of .class files to watch
                                          (default: every directory on the class path)
                    quiet=MS             quiet period that merges one compile's writes into one batch (default 5)
                    log=LEVEL            info (default), debug, off, or system (through System.Logger)
                    poll=MS              poll the directories at this interval instead of native file events
                    src=DIR[%1$sDIR...]     Java sources to compile in the program when they change (needs a JDK);
                                          the build output is left alone
                    assets=DIR[%1$sDIR...]  more directories whose changed files go to OnReload methods
                                          taking a List<Path> (besides the other files of the class dirs)
                    clinit=WHAT          new-fields (default): the initializer of each static field a reload
                                          adds or changes runs once, the rest of the static initializer is
                                          not re-run; none: added static fields start at 0, false or null,
                                          changed ones keep their values

                Commands:
                  java -jar reload-agent.jar --help                 this text
                  java -jar reload-agent.jar list                   running Java programs: pid, main class
                  java -jar reload-agent.jar attach PID|NAME [key=value ...]
                                          load the agent into a running program (by pid or part of its main
                                          class name) with these options; its reports go to that program's
                                          standard error
                  java -jar reload-agent.jar diff [--loader=app|other] OLD.class NEW.class
                                          say what changed between two versions of a class and whether the
                                          running JVM with the agent takes it (exit 0 redefinable as it
                                          is, 1 reloads through the agent's rewrite, 2 cannot be reloaded,
                                          3 unreadable input); --loader=other for a class of another class
                                          loader (a plugin's) or of a named module, which the agent loads
                                          edited; app (the class path) is the default
                Known option keys: %2$s
                """.formatted(java.io.File.pathSeparator, String.join(", ", OptionParser.sortedKeys()));
    }
}
