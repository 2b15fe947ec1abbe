package dev.reload.agent.cli;

import dev.reload.patcher.diff.Change;
import dev.reload.patcher.diff.ClassDiff;
import dev.reload.patcher.diff.MethodChange;
import dev.reload.patcher.diff.Verdict;
import dev.reload.patcher.rewrite.AddedField;
import dev.reload.patcher.rewrite.LoadTimeAugmenter;
import dev.reload.patcher.rewrite.MovedMembers;
import dev.reload.patcher.rewrite.Refusal;
import dev.reload.patcher.rewrite.AddedMethod;
import dev.reload.patcher.rewrite.StructuralRewrite;
import dev.reload.patcher.rewrite.StructuralRewriter;
import dev.reload.patcher.rewrite.UnsupportedEditException;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code diff OLD.class NEW.class}: says what changed between two versions of a class and whether a
 * running JVM with reload-agent can take the new one, with an exit code scripts can test. An edit the JVM
 * refuses as it is goes through the same rewrite the agent makes (against the old class as the agent prepares
 * it when it loads), so the answer is the agent's own: reloaded through the rewrite, or refused and why.
 */
final class DiffCommand {
    /** The new version is the same, or differs in method bodies only. */
    static final int REDEFINABLE = 0;
    /** Members changed: the agent reloads it by rewriting it (moved methods, added fields in its runtime). */
    static final int REWRITTEN = 1;
    /** The change cannot be carried into a running JVM: a restart applies it. */
    static final int REFUSED = 2;
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
        byte[] running;
        byte[] updated;
        Verdict verdict;
        try {
            running = read(Path.of(args[0]));
            updated = read(Path.of(args[1]));
            verdict = ClassDiff.judge(shape(args[0], running), shape(args[1], updated));
        } catch (UnreadableFileException e) {
            err.println("[reload] error: " + e.getMessage());
            return UNREADABLE;
        }
        return switch (verdict.kind()) {
            case UNCHANGED, REDEFINABLE -> {
                printAsIs(verdict, out);
                yield REDEFINABLE;
            }
            case NEEDS_REWRITE -> printRewrite(verdict, running, updated, out);
            case REJECTED -> {
                printRefused(verdict, verdict.refusals().stream().map(Refusal::line).toList(), out);
                yield REFUSED;
            }
        };
    }

    private static void printAsIs(Verdict verdict, PrintStream out) {
        out.println(verdict.className() + ": " + (verdict.kind() == Verdict.Kind.UNCHANGED
                ? "unchanged (nothing to reload)" : "redefinable: the running JVM can take the new version as it is"));
        printChanges(verdict, out);
    }

    /** Prints what the agent's rewrite does with the edit, or why it refuses it; {@return the exit code} */
    private static int printRewrite(Verdict verdict, byte[] running, byte[] updated, PrintStream out) {
        StructuralRewrite rewrite;
        try {
            byte[] prepared = LoadTimeAugmenter.augment(running, LoadTimeAugmenter.DEFAULT_SPARE_NEST_MEMBERS);
            rewrite = StructuralRewriter.rewrite(prepared, updated, MovedMembers.none());
        } catch (UnsupportedEditException e) {
            printRefused(verdict, List.of(e.refusal().line()), out);
            return REFUSED;
        }
        out.println(verdict.className() + ": reloads through reload-agent's rewrite (the running JVM alone"
                + " refuses these changes)");
        printChanges(verdict, out);
        out.println("How reload-agent applies it:");
        long lambdas = rewrite.moved().stream().filter(AddedMethod::lambdaBody).count();
        if (lambdas > 0) {
            out.println("  " + (lambdas == 1 ? "the new lambda body runs" : lambdas + " new lambda bodies run")
                    + " from a companion class");
        }
        rewrite.moved().stream().filter(method -> !method.lambdaBody()).forEach(method ->
                out.println("  method " + method.describe() + ": runs from a companion class"));
        for (AddedField field : rewrite.addedFields()) {
            out.println("  field " + field.describe() + ": kept by the agent's runtime"
                    + (field.isStatic() ? "" : ", beside each object"));
        }
        if (verdict.changes().stream().anyMatch(change -> change instanceof MethodChange.Removed
                || change instanceof MethodChange.SignatureChanged)) {
            out.println("  a removed method keeps its last body for code from before that still calls it");
        }
        out.println("  the running class keeps its members; the rest of the new code replaces the old");
        return REWRITTEN;
    }

    private static void printRefused(Verdict verdict, List<String> reasons, PrintStream out) {
        out.println(verdict.className() + ": cannot be reloaded: a restart applies it");
        printChanges(verdict, out);
        out.println("Why:");
        for (String reason : reasons) {
            out.println("  " + reason);
        }
    }

    private static void printChanges(Verdict verdict, PrintStream out) {
        for (Change change : verdict.changes()) {
            out.println("  " + change.describe());
        }
    }

    private static byte[] read(Path file) throws UnreadableFileException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException(file + ": no such file", e);
        } catch (IOException e) {
            throw new UnreadableFileException(file + ": cannot read it (" + e.getMessage() + ")", e);
        }
    }

    private static ClassShape shape(String file, byte[] bytes) throws UnreadableFileException {
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
