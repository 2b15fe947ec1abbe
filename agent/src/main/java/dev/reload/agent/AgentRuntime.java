package dev.reload.agent;

import dev.reload.agent.config.AgentConfig;
import dev.reload.agent.index.AlreadyLoaded;
import dev.reload.agent.index.CaptureTransformer;
import dev.reload.agent.index.ClassOrigins;
import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.agent.reload.Reloader;
import dev.reload.agent.report.Contained;
import dev.reload.agent.report.Reporter;
import dev.reload.agent.structural.LoadTimePreparation;
import dev.reload.agent.structural.StructuralEngine;
import dev.reload.agent.watch.ChangeCollector;
import dev.reload.agent.watch.TreeWatcher;
import dev.reload.agent.watch.TreeWatchers;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The running agent: what {@link ReloadAgent} hands off to once the options are known. Wires the watcher,
 * the capture of loaded classes and the reload thread; every thread it starts is a daemon.
 */
final class AgentRuntime {
    private AgentRuntime() {
    }

    static void start(AgentConfig config, Instrumentation instrumentation, boolean attachedLater) {
        Reporter reporter = Reporter.toStandardError(config.logLevel());
        if (!instrumentation.isRedefineClassesSupported()) {
            reporter.error("this JVM cannot redefine classes; the program runs without reloading");
            return;
        }
        ChangeCollector collector = new ChangeCollector(config.quietPeriod(),
                (file, e) -> reporter.error("cannot read " + file + " (" + e.getMessage() + "); skipped"));
        TreeWatcher watcher = TreeWatchers.start(config.pollInterval(), collector, reporter);
        List<Path> roots = config.watchesClassPath() ? classPathDirectories() : config.watchDirectories();
        roots.forEach(watcher::watch);
        ClassOrigins origins = new ClassOrigins(watcher, roots, config.watchesClassPath());
        LoadedClassIndex index = new LoadedClassIndex();
        StructuralEngine engine = new StructuralEngine(instrumentation);
        CaptureTransformer capture = CaptureTransformer.install(instrumentation, origins, index, collector, reporter,
                new LoadTimePreparation(engine, reporter));
        Reloader reloader = new Reloader(instrumentation, index, capture, collector, reporter, engine);
        reporter.debug("agent started" + (attachedLater ? " (attached)" : "") + " with " + config
                + "; watching " + roots);
        if (attachedLater) {
            int captured = AlreadyLoaded.capture(instrumentation, origins, index, collector, reporter);
            reporter.debug("captured " + captured + " classes loaded before the agent was attached");
        }
        Contained.loop("reload-apply", reporter, new ReloadLoop(reloader, collector)::step);
    }

    private static List<Path> classPathDirectories() {
        List<Path> directories = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            try {
                Path path = Path.of(entry.isEmpty() ? "." : entry).toAbsolutePath().normalize();
                if (Files.isDirectory(path) && !directories.contains(path)) {
                    directories.add(path);
                }
            } catch (InvalidPathException e) {
                // Not a path on this file system: the class loader cannot load from it either.
            }
        }
        return directories;
    }
}
