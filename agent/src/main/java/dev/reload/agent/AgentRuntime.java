package dev.reload.agent;

import dev.reload.agent.api.Reloads;
import dev.reload.agent.asset.AssetHookIndex;
import dev.reload.agent.asset.AssetReloader;
import dev.reload.agent.compile.CompiledForLater;
import dev.reload.agent.compile.CompilerAvailability;
import dev.reload.agent.compile.JavaSources;
import dev.reload.agent.compile.SourceStep;
import dev.reload.agent.config.AgentConfig;
import dev.reload.agent.config.SyncTarget;
import dev.reload.agent.control.AgentControl;
import dev.reload.agent.index.AlreadyLoaded;
import dev.reload.agent.index.CaptureCompactor;
import dev.reload.agent.index.CaptureTransformer;
import dev.reload.agent.index.ClassOrigins;
import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.agent.index.OtherAgents;
import dev.reload.agent.jfr.FlightRecorderListener;
import dev.reload.agent.jmx.BeanRegistration;
import dev.reload.agent.jmx.ReloadAgentBean;
import dev.reload.agent.reload.Reloader;
import dev.reload.agent.reload.RunningClassLookup;
import dev.reload.agent.report.Contained;
import dev.reload.agent.report.Reporter;
import dev.reload.agent.structural.LoadTimePreparation;
import dev.reload.agent.structural.RunningClasses;
import dev.reload.agent.structural.UnlistedNestmates;
import dev.reload.agent.structural.StructuralEngine;
import dev.reload.agent.sync.ApplyPoint;
import dev.reload.agent.sync.SyncPoints;
import dev.reload.agent.watch.AssetFiles;
import dev.reload.agent.watch.ChangeCollector;
import dev.reload.agent.watch.ClassFiles;
import dev.reload.agent.watch.LoadTimeHashes;
import dev.reload.agent.watch.TreeWatcher;
import dev.reload.agent.watch.TreeWatchers;
import dev.reload.patcher.shape.ClassShape;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

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
        // No lambda runs here, and what only the watcher or a reload needs (the collector too) is made on the reload
        // thread: premain delays main by every class it loads, and the first lambda alone loads dozens.
        List<Path> sourceRoots = compiledSourceRoots(config, reporter);
        List<Path> roots = config.watchesClassPath() ? classPathDirectories() : config.watchDirectories();
        LateWatcher watcher = new LateWatcher();
        watchAll(watcher, roots);
        watchAll(watcher, sourceRoots);
        watchAll(watcher, config.assetDirectories());
        ClassOrigins origins = new ClassOrigins(watcher, roots, config.watchesClassPath());
        LoadedClassIndex index = new LoadedClassIndex();
        // Only in compile mode: premain delays main by each class it loads.
        CompiledForLater later = sourceRoots.isEmpty() ? null : new CompiledForLater();
        if (later != null) {
            // Before the capture: it must see a class that loads as compiled as the class's own bytes.
            instrumentation.addTransformer(later, false);
        }
        StructuralEngine engine = new StructuralEngine(instrumentation, config.newFieldInitializers(),
                new RunningClasses() {
                    @Override
                    public ClassShape running(ClassLoader seenFrom, String internalName) {
                        return index.runningShapeWithMemberNames(seenFrom, internalName);
                    }
                });
        AssetHookIndex assetHooks = new AssetHookIndex();
        CaptureCompactor compactor = new CaptureCompactor(reporter, assetHooks);
        CaptureTransformer.Registration registration = captureRegistration(config, attachedLater);
        CaptureTransformer capture = CaptureTransformer.install(instrumentation, registration, origins, index,
                compactor, reporter,
                new LoadTimePreparation(engine, new UnlistedNestmates(index, instrumentation), reporter));
        // After the capture, which so sees each class file as compiled, without the sync point's call.
        ApplyPoint applyPoint = SyncPoints.start(config.syncPoint(), instrumentation, reporter);
        if (reporter.isDebug()) {
            reporter.debug("agent started" + (attachedLater ? " (attached)" : "") + " with " + config
                    + "; watching " + roots + (sourceRoots.isEmpty() ? "" : " and the sources in " + sourceRoots)
                    + (registration == CaptureTransformer.Registration.WHOLE_RUN
                            ? "; the capture sees every class load (another agent, an attach or sync=)"
                            : "; one class-load hook"));
        }
        if (attachedLater) {
            int captured = AlreadyLoaded.capture(instrumentation, origins, index, compactor, reporter);
            reporter.debug("captured " + captured + " classes loaded before the agent was attached");
        }
        Consumer<ChangeCollector> startWatching = new Consumer<>() {
            @Override
            public void accept(ChangeCollector collector) {
                watcher.started(TreeWatchers.start(config.pollInterval(), collector, reporter,
                        file -> isWatchedFile(file, sourceRoots)));
                collector.rememberLoadedWith(new LoadTimeHashes() {
                    @Override
                    public Long of(Path file) {
                        return index.hashAtLoad(file);
                    }

                    @Override
                    public boolean loadedFrom(Path file) {
                        return index.classNameOf(file) != null;
                    }
                });
                compactor.startCompacting();
            }
        };
        Function<ChangeCollector, ReloadLoop> reloadLoop = new Function<>() {
            @Override
            public ReloadLoop apply(ChangeCollector collector) {
                collector.lookUpClassesWith(new RunningClassLookup(index, engine::addedMembers));
                Reloader reloader = new Reloader(instrumentation, index, capture, collector, reporter, engine,
                        applyPoint, assetHooks::scan);
                AssetReloader assets = new AssetReloader(assetHooks, index, instrumentation, compactor, applyPoint,
                        reporter);
                AgentControl control = new AgentControl(collector, watcher, sourceRoots);
                SourceStep sources = sourceRoots.isEmpty() ? null
                        : new SourceStep(index, later, watcher, sourceRoots, collector, reporter);
                return new ReloadLoop(reloader, collector, control, sources, assets,
                        monitoring(control, watcher, reporter));
            }
        };
        Contained.loop("reload-apply", reporter, onceLoadingPauses(config, reporter, startWatching, compactor,
                reloadLoop));
    }

    /**
     * {@return how the capture is registered}: for the whole run when another agent may change classes (one started
     * with the program, or, after an attach, one attached before), or when {@code sync=} adds its call to a class
     * (its transformer comes after the capture, which so sees the class as compiled); else only around the agent's
     * own redefinitions, so that a loading class passes one class-load hook, not two
     */
    private static CaptureTransformer.Registration captureRegistration(AgentConfig config, boolean attachedLater) {
        boolean syncCall = config.syncPoint().isPresent() && !config.syncPoint().get().equals(SyncTarget.MANUAL);
        return attachedLater || syncCall || OtherAgents.startedWithTheProgram()
                ? CaptureTransformer.Registration.WHOLE_RUN
                : CaptureTransformer.Registration.AROUND_REDEFINITIONS;
    }

    private static void watchAll(TreeWatcher watcher, List<Path> roots) {
        for (Path root : roots) {
            watcher.watch(root);
        }
    }

    /**
     * {@return the reload thread's step, which first makes the collector, starts the watcher with it and starts the
     * compactor, then waits for the program's class loading to pause and makes the reload loop}: what only a reload
     * needs (the reloader, its warm-up, the MBean, JFR) is neither loaded nor run in {@code premain} or while a
     * starting program loads its classes on the other core
     */
    private static Contained.Step onceLoadingPauses(AgentConfig config, Reporter reporter,
                                                    Consumer<ChangeCollector> startWatching,
                                                    CaptureCompactor compactor,
                                                    Function<ChangeCollector, ReloadLoop> reloadLoop) {
        return new Contained.Step() {
            private ChangeCollector collector;
            private ReloadLoop loop;

            @Override
            public void run() throws InterruptedException {
                if (collector == null) {
                    collector = newCollector(config, reporter);
                    // Once, even if it failed: the failure is reported, the loop goes on.
                    startWatching.accept(collector);
                }
                if (loop == null) {
                    compactor.awaitLoadingPause();
                    loop = reloadLoop.apply(collector);
                }
                loop.step();
            }
        };
    }

    private static ChangeCollector newCollector(AgentConfig config, Reporter reporter) {
        return new ChangeCollector(config.quietPeriod(), new BiConsumer<Path, IOException>() {
            @Override
            public void accept(Path file, IOException e) {
                reporter.error("cannot read " + file + " (" + e.getMessage() + "); skipped");
            }
        });
    }

    /** {@return the {@code src=} directories when javac can run here; else reports why not and returns none} */
    private static List<Path> compiledSourceRoots(AgentConfig config, Reporter reporter) {
        if (!config.compilesSources()) {
            return List.of();
        }
        Optional<String> problem = CompilerAvailability.problem();
        problem.ifPresent(reporter::error);
        return problem.isPresent() ? List.of() : config.sourceDirectories();
    }

    /**
     * {@return true for the files the watchers report}: class files (and those written under a temporary name, which
     * tell that a rename is coming), Java sources in compile mode, and assets, except
     * below a source directory, where the build's own copy of a resource is what the program reads
     */
    private static boolean isWatchedFile(Path file, List<Path> sourceRoots) {
        if (ClassFiles.isClassOrTemporaryClassFile(file)) {
            return true;
        }
        if (sourceRoots.isEmpty()) {
            return AssetFiles.mayBeAsset(file);
        }
        return JavaSources.isJavaSource(file)
                || (AssetFiles.mayBeAsset(file) && sourceRoots.stream().noneMatch(file::startsWith));
    }

    /**
     * Starts JFR events and the MBean's counts at once, through listeners that cost nothing until a batch; returns
     * what makes the MBean visible once JMX runs, for the reload thread to start once it is warm. Either is left out
     * where the program's runtime lacks its module (a {@code jlink}ed game).
     */
    private static Runnable monitoring(AgentControl control, TreeWatcher watcher, Reporter reporter) {
        if (hasModule("jdk.jfr")) {
            Reloads.addListener(new FlightRecorderListener());
        }
        if (!hasModule("java.management")) {
            return () -> reporter.debug("no java.management module here: the MBean is not registered");
        }
        ReloadAgentBean bean = new ReloadAgentBean(control, watcher);
        Reloads.addListener(bean);
        return () -> BeanRegistration.registerOnceJmxRuns(bean, reporter);
    }

    /** Looks at the module graph only: touching a class of a module the runtime lacks would throw. */
    private static boolean hasModule(String name) {
        return ModuleLayer.boot().findModule(name).isPresent();
    }

    private static List<Path> classPathDirectories() {
        List<Path> directories = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator, 0)) {
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
