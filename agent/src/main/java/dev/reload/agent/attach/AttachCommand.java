package dev.reload.agent.attach;

import dev.reload.agent.config.BadOptionException;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar reload-agent.jar attach <pid | part of the main class> [options]}: loads this jar as an agent
 * into a program that is running already, and says where its reports go.
 */
public final class AttachCommand {
    private AttachCommand() {
    }

    /**
     * {@return the exit code: 0 when the agent runs in the target afterwards, 1 when it could not be loaded,
     * 64 for a bad command line}
     *
     * @param args the words after {@code attach}: the target, then agent options, never null
     * @param out where results go, never null
     * @param err where errors go, never null
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("[reload] error: attach needs a pid or part of a main class name; `list` shows them");
            return 64;
        }
        String options;
        try {
            options = AttachOptions.prepare(args.subList(1, args.size()));
        } catch (BadOptionException e) {
            err.println("[reload] error: " + e.getMessage());
            return 64;
        }
        Optional<String> problem = AttachSupport.problem().or(AttachCommand::jarProblem);
        if (problem.isPresent()) {
            err.println("[reload] error: " + problem.get());
            return 1;
        }
        try {
            RunningJvm target = target(args.get(0));
            AttachOutcome outcome = AgentLoader.load(target.pid(), ownJar().orElseThrow(), options);
            print(target, options, outcome, out);
            return 0;
        } catch (AttachFailedException e) {
            err.println("[reload] error: cannot attach: " + e.getMessage());
            return 1;
        }
    }

    private static RunningJvm target(String wanted) throws AttachFailedException {
        if (wanted.chars().allMatch(Character::isDigit)) {
            long pid = Long.parseLong(wanted);
            return RunningJvms.list().stream().filter(jvm -> jvm.pid() == pid).findFirst()
                    .orElse(RunningJvm.of(pid, ""));
        }
        List<RunningJvm> found = RunningJvms.matching(wanted);
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new AttachFailedException(-1, "no running Java program's main class contains '" + wanted
                    + "'; `list` shows them");
        }
        StringBuilder choices = new StringBuilder();
        found.forEach(jvm -> choices.append(choices.length() == 0 ? "" : ", ").append(jvm.pid()).append(' ')
                .append(jvm.mainClass()));
        throw new AttachFailedException(-1, found.size() + " programs match '" + wanted + "' (" + choices
                + "); give the pid");
    }

    private static void print(RunningJvm target, String options, AttachOutcome outcome, PrintStream out) {
        String name = target.pid() + (target.commandLine().isEmpty() ? "" : " (" + target.mainClass() + ")");
        if (outcome.alreadyRunningOptions() != null) {
            out.println("reload-agent runs in " + name + " already, with options '" + outcome.alreadyRunningOptions()
                    + "'; not loaded again. Its report lines are on that program's standard error.");
            return;
        }
        out.println("reload-agent attached to " + name + (options.isEmpty() ? "" : " with options '" + options + "'"));
        out.println(where(options));
        if (outcome.warned()) {
            out.println("note: Java " + outcome.javaFeature() + " prints \"WARNING: A Java agent has been loaded"
                    + " dynamically\" on that program's standard error: expected and harmless. Start the program with"
                    + " -XX:+EnableDynamicAgentLoading to allow attaching without it (a later Java may refuse agents"
                    + " loaded without it), or with -javaagent:reload-agent.jar to load the agent from the start.");
        }
    }

    private static String where(String options) {
        if (options.matches("(^|.*,)log=off(,.*|$)")) {
            return "It reports nothing (log=off).";
        }
        if (options.matches("(^|.*,)log=system(,.*|$)")) {
            return "Its reports go through that program's System.Logger named dev.reload.";
        }
        return "Its [reload] report lines go to that program's standard error (its console or log), not here.";
    }

    private static Optional<String> jarProblem() {
        return ownJar().isPresent() ? Optional.empty()
                : Optional.of("attach must run from reload-agent.jar (java -jar reload-agent.jar attach ...)");
    }

    private static Optional<Path> ownJar() {
        try {
            Path location = Path.of(AttachCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.of(location.toAbsolutePath()) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
