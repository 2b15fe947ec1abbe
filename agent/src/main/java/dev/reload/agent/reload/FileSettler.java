package dev.reload.agent.reload;

import dev.reload.agent.parallel.Attempt;
import dev.reload.agent.parallel.BatchSteps;
import dev.reload.agent.report.Reporter;
import dev.reload.agent.watch.ChangeBatch;
import dev.reload.agent.watch.ChangeCollector;
import dev.reload.agent.watch.ChangedFile;
import dev.reload.agent.watch.ClassFiles;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the files of a batch before anything is judged: a file that does not parse may still be being
 * written, so the whole batch is looked at again once the writes settle, and only a file that still does
 * not parse with the same content is reported. A file whose class name does not match its path, or whose
 * class-file version is newer than this JVM's, is reported and left out. Used by the reload thread only.
 */
final class FileSettler {
    /** A file's shape. A class of its own, not a lambda: every save runs it, and a lambda spins a class for good. */
    private static final Attempt.Step<ChangedFile, ClassShape, UnreadableClassException> SHAPE =
            new Attempt.Step<>() {
                @Override
                public ClassShape apply(ChangedFile file) throws UnreadableClassException {
                    return file.shape() != null ? file.shape() : ClassShape.read(file.bytes());
                }
            };
    /** How long a file that does not parse gets to settle; compilers finish a file's writes far sooner. */
    static final Duration SETTLE_DELAY = Duration.ofMillis(150);
    private static final int JAVA_1_MAJOR_OFFSET = 44;

    private final ChangeCollector collector;
    private final Reporter reporter;
    private final int runtimeMajorVersion = Runtime.version().feature() + JAVA_1_MAJOR_OFFSET;
    /** File to the hash of the content that did not parse, waiting to see whether it settles. */
    private final Map<Path, Long> unsettled = new HashMap<>();

    FileSettler(ChangeCollector collector, Reporter reporter) {
        this.collector = collector;
        this.reporter = reporter;
    }

    /**
     * {@return the files of the batch to judge, or that the batch must wait for its writes to settle; files left
     * out were reported}
     */
    SettledFiles settle(ChangeBatch batch) {
        List<ParsedFile> parsed = new ArrayList<>();
        boolean settling = false;
        // A file read whole while the batch's writes went on was read into a shape then.
        List<Attempt<ClassShape, UnreadableClassException>> shapes = BatchSteps.attempt(batch.files(), SHAPE,
                UnreadableClassException.class);
        for (int i = 0; i < shapes.size(); i++) {
            ChangedFile file = batch.files().get(i);
            try {
                ClassShape shape = shapes.get(i).value();
                unsettled.remove(file.file());
                if (fits(file, shape)) {
                    parsed.add(new ParsedFile(file, shape));
                } else {
                    collector.remember(file.file(), file.hash());
                }
            } catch (UnreadableClassException e) {
                if (e.reason() == UnreadableClassException.Reason.UNSUPPORTED_VERSION && file.bytes().length >= 8) {
                    reportTooNew(file.relativePath(), ((file.bytes()[6] & 0xff) << 8) | (file.bytes()[7] & 0xff));
                    collector.remember(file.file(), file.hash());
                    continue;
                }
                Long seen = unsettled.put(file.file(), file.hash());
                if (seen == null || seen != file.hash()) {
                    settling = true;
                } else {
                    unsettled.remove(file.file());
                    collector.remember(file.file(), file.hash());
                    reporter.error(describe(file, e));
                }
            }
        }
        if (settling) {
            // A compile is still writing: look at the whole batch again, so its files stay together.
            for (ChangedFile file : batch.files()) {
                collector.recheck(file.root(), file.file(), SETTLE_DELAY);
            }
            return new SettledFiles(List.of(), true);
        }
        return new SettledFiles(parsed, false);
    }

    private boolean fits(ChangedFile file, ClassShape shape) {
        String relative = file.relativePath();
        String internalName = shape.internalName();
        if (!liesAt(relative, internalName)) {
            reporter.error(relative + " holds class " + shape.binaryName() + ", which belongs in "
                    + internalName + ClassFiles.SUFFIX + ": not reloaded (is the compiler writing to the right directory?)");
            return false;
        }
        if (shape.majorVersion() > runtimeMajorVersion) {
            reportTooNew(relative, shape.majorVersion());
            return false;
        }
        return true;
    }

    /**
     * {@return true when the relative path ends in the class file of the internal name ({@code demo/Player.class} or
     * {@code out/demo/Player.class} for {@code demo/Player})}, compared in place: it runs for every file of a batch
     */
    static boolean liesAt(String relative, String internalName) {
        int nameStart = relative.length() - ClassFiles.SUFFIX.length() - internalName.length();
        return nameStart >= 0 && relative.endsWith(ClassFiles.SUFFIX) && relative.startsWith(internalName, nameStart)
                && (nameStart == 0 || relative.charAt(nameStart - 1) == '/');
    }

    private void reportTooNew(String relative, int majorVersion) {
        int feature = Runtime.version().feature();
        reporter.error(relative + " is compiled for Java " + (majorVersion - JAVA_1_MAJOR_OFFSET)
                + " (class-file version " + majorVersion + "), newer than this JVM (Java " + feature
                + "): not reloaded; compile with --release " + feature + " or lower");
    }

    private static String describe(ChangedFile file, UnreadableClassException e) {
        String relative = file.relativePath();
        return switch (e.reason()) {
            case EMPTY -> relative + " is empty: waiting for the next write";
            case TRUNCATED -> relative + " is not a valid class file (truncated?): waiting for the next write";
            case NOT_A_CLASS_FILE, MALFORMED, UNSUPPORTED_VERSION -> relative + " is not a valid class file (" + e.getMessage()
                    + "): waiting for the next write";
        };
    }
}
