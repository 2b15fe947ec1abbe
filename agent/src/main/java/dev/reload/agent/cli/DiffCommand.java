package dev.reload.agent.cli;

import dev.reload.patcher.diff.Change;
import dev.reload.patcher.diff.ClassDiff;
import dev.reload.patcher.diff.Verdict;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code diff OLD.class NEW.class}: says what changed between two versions of a class and whether a
 * running JVM can take the new one, with an exit code scripts can test.
 */
final class DiffCommand {
    /** The new version is the same, or differs in method bodies only. */
    static final int REDEFINABLE = 0;
    /** Members changed: the patcher's rewrite is needed (and until it exists, a restart). */
    static final int NEEDS_REWRITE = 1;
    /** The change cannot be carried into a running JVM. */
    static final int REJECTED = 2;
    /** A file could not be read as a class file. */
    static final int UNREADABLE = 3;
    /** The command line was wrong. */
    static final int USAGE = 64;

    private DiffCommand() {
    }

    /**
     * Runs the command.
     *
     * @param args the arguments after {@code diff}: the old and the new class file, never null
     * @param out where the verdict goes, never null
     * @param err where errors go, never null
     * @return the exit code
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("[reload] error: diff needs two class files: diff OLD.class NEW.class");
            return USAGE;
        }
        ClassShape running;
        ClassShape updated;
        try {
            running = shape(Path.of(args[0]));
            updated = shape(Path.of(args[1]));
        } catch (UnreadableFileException e) {
            err.println("[reload] error: " + e.getMessage());
            return UNREADABLE;
        }
        Verdict verdict = ClassDiff.judge(running, updated);
        print(verdict, out);
        return switch (verdict.kind()) {
            case UNCHANGED, REDEFINABLE -> REDEFINABLE;
            case NEEDS_REWRITE -> NEEDS_REWRITE;
            case REJECTED -> REJECTED;
        };
    }

    private static void print(Verdict verdict, PrintStream out) {
        out.println(verdict.className() + ": " + headline(verdict.kind()));
        for (Change change : verdict.changes()) {
            out.println("  " + change.describe());
        }
        if (!verdict.reasons().isEmpty()) {
            out.println(verdict.kind() == Verdict.Kind.REJECTED ? "Why it cannot be reloaded:"
                    : "Why it needs a rewrite (until then, a restart):");
            for (String reason : verdict.reasons()) {
                out.println("  " + reason);
            }
        }
    }

    private static String headline(Verdict.Kind kind) {
        return switch (kind) {
            case UNCHANGED -> "unchanged (nothing to reload)";
            case REDEFINABLE -> "redefinable: the running JVM can take the new version as it is";
            case NEEDS_REWRITE -> "needs a rewrite: the running JVM refuses these changes as they are";
            case REJECTED -> "rejected: these changes cannot be carried into running objects";
        };
    }

    private static ClassShape shape(Path file) throws UnreadableFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException(file + ": no such file", e);
        } catch (IOException e) {
            throw new UnreadableFileException(file + ": cannot read it (" + e.getMessage() + ")", e);
        }
        try {
            return ClassShape.read(bytes);
        } catch (UnreadableClassException e) {
            throw new UnreadableFileException(file + ": " + e.getMessage() + " [" + e.reason() + "]", e);
        }
    }

    /** A file given on the command line that is missing or no class file. */
    private static final class UnreadableFileException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
