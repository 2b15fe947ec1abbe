package dev.reload.agent.report;

import java.util.Objects;

/**
 * Runs the agent's background work on daemon threads so that nothing the agent does can keep the program
 * alive or take it down: every failure of one step is reported and the loop goes on.
 */
public final class Contained {
    private Contained() {
    }

    /** One step of a background loop; it may block. */
    @FunctionalInterface
    public interface Step {
        /**
         * Does one unit of work.
         *
         * @throws InterruptedException when the thread is asked to stop
         * @throws Exception for a failure of this step only; the loop reports it and goes on
         */
        void run() throws Exception;
    }

    /**
     * Starts a daemon thread that runs {@code step} over and over until it is interrupted.
     *
     * @param name the thread's name, shown in thread dumps, never null
     * @param reporter where failures of a step are reported, never null
     * @param step the work, never null
     * @return the started thread
     */
    public static Thread loop(String name, Reporter reporter, Step step) {
        Objects.requireNonNull(step);
        // Not a lambda: the agent's first threads start in premain, where the first lambda would load dozens of classes.
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                while (!Thread.currentThread().isInterrupted()) {
                    if (!runOnce(name, reporter, step)) {
                        return;
                    }
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static boolean runOnce(String name, Reporter reporter, Step step) {
        try {
            step.run();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.nio.file.ClosedWatchServiceException e) {
            return false;
        } catch (Exception | LinkageError | AssertionError | StackOverflowError | InternalError e) {
            // InternalError: how the JVM refuses to redefine a class in a state it did not foresee ("invalid class").
            reporter.error("internal error in " + name + " (" + e + "); the agent goes on");
            pauseAfterFailure();
            return true;
        }
    }

    private static void pauseAfterFailure() {
        // A step that fails at once every time must not spin a core the program needs.
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
