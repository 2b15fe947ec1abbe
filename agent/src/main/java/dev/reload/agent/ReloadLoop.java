package dev.reload.agent;

import dev.reload.agent.asset.AssetReloader;
import dev.reload.agent.compile.JavaSources;
import dev.reload.agent.compile.SourceStep;
import dev.reload.agent.control.AgentControl;
import dev.reload.agent.reload.Reloader;
import dev.reload.agent.watch.ChangeBatch;
import dev.reload.agent.watch.ChangeCollector;
import dev.reload.agent.watch.ChangedFile;

import java.util.ArrayList;
import java.util.List;

/**
 * The reload thread's work: warm up once, then apply each batch as the collector hands it out. Class files go to
 * the reloader as they are; in compile mode, changed sources are compiled first and their class files follow as a
 * batch of their own. Assets written with them go to their hooks after the classes are applied, so a hook runs its
 * new code on the new files.
 */
final class ReloadLoop {
    private final Reloader reloader;
    private final ChangeCollector collector;
    private final AgentControl control;
    /** Null unless compile mode is on. */
    private final SourceStep sources;
    private final AssetReloader assets;
    private final Runnable afterWarmUp;
    private boolean warm;

    /**
     * @param sources compile mode's step, or null when it is off
     * @param assets gives changed assets to the hooks that take them, never null
     * @param afterWarmUp start-up work that may take a moment but must not delay the program's start, never null
     */
    ReloadLoop(Reloader reloader, ChangeCollector collector, AgentControl control, SourceStep sources,
               AssetReloader assets, Runnable afterWarmUp) {
        this.reloader = reloader;
        this.collector = collector;
        this.control = control;
        this.sources = sources;
        this.assets = assets;
        this.afterWarmUp = afterWarmUp;
    }

    void step() throws InterruptedException {
        if (!warm) {
            warm = true;
            reloader.warmUp();
            if (sources != null) {
                sources.warmUp();
            }
            afterWarmUp.run();
        }
        ChangeBatch batch = collector.take();
        if (control.holdIfPaused(batch)) {
            return;
        }
        List<ChangedFile> classFiles = new ArrayList<>();
        List<ChangedFile> sourceFiles = new ArrayList<>();
        for (ChangedFile file : batch.files()) {
            (JavaSources.isJavaSource(file.file()) ? sourceFiles : classFiles).add(file);
        }
        if (!classFiles.isEmpty()) {
            reloader.apply(batch.withFiles(classFiles));
        }
        if (!sourceFiles.isEmpty() && sources != null) {
            sources.compile(new ChangeBatch(sourceFiles, batch.firstEventNanos(), batch.lastEventNanos()),
                    reloader::apply, reloader::announce);
        }
        if (!batch.assets().isEmpty()) {
            assets.reload(batch.assets(), batch.assetsFirstEventNanos());
        }
    }
}
