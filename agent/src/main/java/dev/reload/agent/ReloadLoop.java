package dev.reload.agent;

import dev.reload.agent.reload.Reloader;
import dev.reload.agent.watch.ChangeCollector;

/** The reload thread's work: warm up once, then apply each batch as the collector hands it out. */
final class ReloadLoop {
    private final Reloader reloader;
    private final ChangeCollector collector;
    private boolean warm;

    ReloadLoop(Reloader reloader, ChangeCollector collector) {
        this.reloader = reloader;
        this.collector = collector;
    }

    void step() throws InterruptedException {
        if (!warm) {
            warm = true;
            reloader.warmUp();
        }
        reloader.apply(collector.take());
    }
}
