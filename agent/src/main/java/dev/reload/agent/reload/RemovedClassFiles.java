package dev.reload.agent.reload;

import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.agent.report.Reporter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Says which classes lost their class file for good (a class deleted with the edits that stopped using it, or
 * renamed): the JVM cannot unload a class, so each stays with its last code, and what still uses it (objects made
 * before, code not saved since) keeps working. Told by the collector, on the reload thread.
 */
final class RemovedClassFiles implements Consumer<List<Path>> {
    private final LoadedClassIndex index;
    private final Reporter reporter;

    RemovedClassFiles(LoadedClassIndex index, Reporter reporter) {
        this.index = index;
        this.reporter = reporter;
    }

    /** Reports the deleted class files in one line, naming each file's class where the agent knows it. */
    @Override
    public void accept(List<Path> files) {
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            String name = index.classNameOf(file);
            names.add(name != null ? name : file.toString());
        }
        reporter.info("class file deleted: " + String.join(", ", names) + " — the loaded class stays, with its last"
                + " code, for the objects and code that still use it; restart to unload it");
    }
}
