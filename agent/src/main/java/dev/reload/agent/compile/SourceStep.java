package dev.reload.agent.compile;

import dev.reload.agent.api.ReloadReport;
import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.agent.report.Reporter;
import dev.reload.agent.watch.ChangeBatch;
import dev.reload.agent.watch.ChangeCollector;
import dev.reload.agent.watch.ChangedFile;
import dev.reload.agent.watch.ClassFiles;
import dev.reload.agent.watch.ContentHash;
import dev.reload.agent.watch.TreeWatcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Compile mode's part of the reload thread: compiles the changed sources of a batch and hands the class files of
 * the loaded classes among them on as an in-memory batch, addressed to the class files those classes were loaded
 * from, so they are judged and redefined exactly as if a compiler had written them there. A compile error is one
 * failed report with a line per error, and nothing is applied. Used by the reload thread only.
 */
public final class SourceStep {
    /** Made on the reload thread when first needed: loading javac must not delay the program's start. */
    private SourceCompiler compiler;
    private final LoadedClassIndex index;
    private final CompiledForLater later;
    private final TreeWatcher watcher;
    private final List<Path> sourceRoots;
    private final ChangeCollector collector;
    private final Reporter reporter;

    /**
     * @param index the loaded classes, to find the class files compiled classes belong to, never null
     * @param later where compiled classes that are not loaded yet wait for their loading, never null
     * @param watcher the watcher, whose roots (other than the source roots) are class output on the class path, never null
     * @param sourceRoots the {@code src=} directories, never null
     * @param collector told the content of each source handled, so an unchanged save is not compiled again, never null
     * @param reporter where detail goes, never null
     */
    public SourceStep(LoadedClassIndex index, CompiledForLater later, TreeWatcher watcher, List<Path> sourceRoots,
                      ChangeCollector collector, Reporter reporter) {
        this.index = index;
        this.later = later;
        this.watcher = watcher;
        this.sourceRoots = List.copyOf(sourceRoots);
        this.collector = collector;
        this.reporter = reporter;
    }

    /**
     * Compiles the sources of a batch.
     *
     * @param sources changed Java sources, never null
     * @param apply receives the class files to redefine, when a loaded class changed, never null
     * @param announce receives the report of a compile error, never null
     */
    public void compile(ChangeBatch sources, Consumer<ChangeBatch> apply, Consumer<ReloadReport> announce) {
        List<Path> files = sources.files().stream().map(ChangedFile::file).toList();
        CompileResult result = compiler().compile(files, classPath());
        sources.files().forEach(file -> collector.remember(file.file(), file.hash()));
        if (result instanceof CompileResult.Failed failed) {
            List<String> reasons = failed.errors().stream().map(CompileError::describe).toList();
            announce.accept(new ReloadReport(ReloadReport.Outcome.FAILED, List.of(), reasons,
                    Duration.ofNanos(System.nanoTime() - sources.firstEventNanos())));
            return;
        }
        List<ChangedFile> classFiles = addressed(((CompileResult.Compiled) result).classes());
        if (!classFiles.isEmpty()) {
            apply.accept(new ChangeBatch(classFiles, sources.firstEventNanos(), sources.lastEventNanos()));
        }
    }

    /** Compiles a small class with the program's class path, so the first change is compiled warm. */
    public void warmUp() {
        try {
            compiler().warmUp(classPath());
        } catch (IOException | RuntimeException e) {
            reporter.debug("warming up the compiler did not work (" + e + "); the first compile may be slower");
        }
    }

    private SourceCompiler compiler() {
        if (compiler == null) {
            compiler = SourceCompiler.create(sourceRoots);
        }
        return compiler;
    }

    /** Each compiled class that is loaded, as the class file(s) it was loaded from; the others wait for their loading. */
    private List<ChangedFile> addressed(List<CompiledClass> classes) {
        List<ChangedFile> files = new ArrayList<>();
        for (CompiledClass compiled : classes) {
            Set<Path> loadedFrom = index.filesOf(compiled.internalName());
            if (loadedFrom.isEmpty()) {
                keepForLater(compiled);
            }
            long hash = ContentHash.of(compiled.bytes());
            for (Path file : loadedFrom) {
                files.add(new ChangedFile(rootOf(file, compiled.internalName()), file, compiled.bytes(), hash));
            }
        }
        return files;
    }

    /** A class not loaded yet gets the compiled version when it loads, instead of the build's older class file. */
    private void keepForLater(CompiledClass compiled) {
        String binaryName = compiled.internalName().replace('/', '.');
        for (Path root : classRoots()) {
            Path file = ClassFiles.fileOf(root, compiled.internalName());
            if (Files.isRegularFile(file)) {
                try {
                    later.keep(compiled.internalName(), ContentHash.of(Files.readAllBytes(file)), compiled.bytes());
                    reporter.debug(binaryName + " is not loaded yet; it will load as just compiled");
                } catch (IOException e) {
                    reporter.debug("cannot read " + file + " (" + e.getMessage() + "); " + binaryName
                            + " will load from it as it is");
                }
                return;
            }
        }
        reporter.info(binaryName + " is new and has no class file yet: the program can load it once your build"
                + " compiles it");
    }

    /** {@return the directory a class file lies in by its package: {@code /p/classes} for {@code /p/classes/a/B.class}} */
    private static Path rootOf(Path classFile, String internalName) {
        Path root = classFile;
        for (int i = 0; i <= internalName.length() - internalName.replace("/", "").length(); i++) {
            root = root.getParent();
        }
        return root;
    }

    /** The program's class path and every watched class directory (class loaders' directories adopted later too). */
    private List<Path> classPath() {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator, -1)) {
            try {
                if (!entry.isEmpty()) {
                    entries.add(Path.of(entry).toAbsolutePath().normalize());
                }
            } catch (InvalidPathException e) {
                // Not a path here: the class loader cannot load from it either.
            }
        }
        entries.addAll(classRoots());
        return List.copyOf(entries);
    }

    /** {@return the watched class directories that exist, in a stable order} */
    private List<Path> classRoots() {
        return watcher.roots().stream().filter(root -> !sourceRoots.contains(root) && Files.isDirectory(root))
                .sorted().toList();
    }
}
