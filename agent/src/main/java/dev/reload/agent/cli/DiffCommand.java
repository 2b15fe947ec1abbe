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
 * {@code diff [--loader=app|other] OLD.class NEW.class}: says what changed between two versions of a class and
 * whether a running JVM with reload-agent can take the new one, with an exit code scripts can test. An edit the JVM
 * refuses as it is goes through the same rewrite the agent makes, against the old class as the agent loads it where
 * it would load ({@link Loader}), so the answer is the agent's own: reloaded through the rewrite, or refused and why.
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

    private static final String LOADER_OPTION = "--loader=";

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
        Loader loader = Loader.APPLICATION;
        int first = 0;
        if (args.length > 0 && args[0].startsWith(LOADER_OPTION)) {
            loader = Loader.named(args[0].substring(LOADER_OPTION.length()));
            if (loader == null) {
                err.println("[reload] error: " + args[0] + ": the loader is app (the class path, the default) or other"
                        + " (another class loader, or a named module)");
                return USAGE;
            }
            first = 1;
        }
        if (args.length - first != 2) {
            err.println("[reload] error: diff needs two class files: diff [--loader=app|other] OLD.class NEW.class");
            return USAGE;
        }
        return judge(args[first], args[first + 1], loader, out, err);
    }

    private static int judge(String oldFile, String newFile, Loader loader, PrintStream out, PrintStream err) {
        byte[] running;
        byte[] updated;
        Verdict verdict;
        try {
            byte[] compiled = read(Path.of(oldFile));
            ClassShape compiledShape = shape(oldFile, compiled);
            updated = read(Path.of(newFile));
            ClassShape updatedShape = shape(newFile, updated);
            // Judged against what the class runs, as the agent judges it: the accessor and spares it added are no
            // change of the developer's.
            running = loader.asLoaded(compiled);
            verdict = ClassDiff.judge(running == compiled ? compiledShape : shape(oldFile, running), updatedShape);
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

    /**
     * Prints what the agent's rewrite does with the edit, or why it refuses it; {@return the exit code}
     *
     * @param running the old class file as the agent loads it, never null
     */
    private static int printRewrite(Verdict verdict, byte[] running, byte[] updated, PrintStream out) {
        StructuralRewrite rewrite;
        try {
            rewrite = StructuralRewriter.rewrite(running, updated, MovedMembers.none());
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

    /** Where the old class would load, which decides the form the agent runs it in. */
    enum Loader {
        /**
         * The application class loader, from the class path (most programs' every class): the agent loads the class
         * as compiled and reaches it through {@code privateLookupIn} ({@code LoadTimePreparation.leavesUnedited}).
         */
        APPLICATION("app"),
        /**
         * Another class loader (a plugin's) or a named module: the class loads with the accessor and the spare nest
         * members the agent adds ({@link LoadTimeAugmenter}).
         */
        OTHER("other");

        private final String option;

        Loader(String option) {
            this.option = option;
        }

        /** {@return the loader the option's value names, or null when it names none} */
        static Loader named(String value) {
            for (Loader loader : values()) {
                if (loader.option.equals(value)) {
                    return loader;
                }
            }
            return null;
        }

        /** {@return the class file as the class runs when it loaded here} */
        byte[] asLoaded(byte[] classFile) {
            if (this == APPLICATION) {
                return classFile;
            }
            try {
                return LoadTimeAugmenter.augment(classFile, LoadTimeAugmenter.DEFAULT_SPARE_NEST_MEMBERS);
            } catch (IllegalArgumentException e) {
                return classFile; // as the agent does: a class it cannot prepare loads as its file has it
            }
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
