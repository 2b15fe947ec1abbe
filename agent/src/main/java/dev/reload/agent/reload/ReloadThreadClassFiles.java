package dev.reload.agent.reload;

import dev.reload.agent.index.CaptureTransformer;
import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.agent.report.Reporter;

import java.util.List;

/**
 * Gives the index the class file the JVM runs for a class whose members must be named and whose class file on disk
 * no longer holds what it loaded from (an edit saved over it, a file deleted): by a retransformation, one safepoint,
 * and only on the reload thread between redefinitions. Never inside a class's load, where the engine also asks for
 * running classes and the JVM is in the middle of a transformation.
 */
final class ReloadThreadClassFiles implements LoadedClassIndex.RunningClassFileSource {
    private final RunningClassFiles runningClassFiles;
    private final CaptureTransformer capture;
    private final Reporter reporter;
    private volatile Thread reloadThread;

    ReloadThreadClassFiles(RunningClassFiles runningClassFiles, CaptureTransformer capture, Reporter reporter) {
        this.runningClassFiles = runningClassFiles;
        this.capture = capture;
        this.reporter = reporter;
    }

    /** Records the calling thread as the reload thread, the one thread that may retransform. */
    void onReloadThread() {
        reloadThread = Thread.currentThread();
    }

    /**
     * Forgets the class files recovered while the batch was read ahead, judged and planned, before it is applied: till
     * then nothing redefines the classes but the engine, through {@link RunningClassFiles#redefine}, which forgets its
     * own.
     */
    void planned() {
        runningClassFiles.forgetRecovered();
    }

    @Override
    public byte[] runningClassFile(Class<?> type) {
        if (Thread.currentThread() != reloadThread || capture.collecting()) {
            return null;
        }
        try {
            byte[] running = runningClassFiles.recover(List.of(type)).get(type);
            // Says why this save of the class costs one more safepoint than the next ones will.
            reporter.debug(type.getName() + ": the JVM rebuilt the class file it runs, to name its members (the file"
                    + " it loaded from no longer declares them all)");
            return running;
        } catch (RewriteRefusedException e) {
            return null;
        }
    }
}
