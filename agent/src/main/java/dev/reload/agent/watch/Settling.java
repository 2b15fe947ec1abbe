package dev.reload.agent.watch;

/**
 * Whether a batch is still to be applied as it was handed out. A single class file that needs only its settle period
 * is handed out when it is read, so the reload thread judges and plans it while the settle period runs; the batch is
 * applied only if the period then ends with no other write, as it would have been handed out then. Otherwise the
 * collector hands its file out again with what the build wrote next.
 */
@FunctionalInterface
public interface Settling {
    /**
     * For a batch handed out once its writes were quiet: nothing left to wait for. A class of its own, not a lambda,
     * which would make every program the agent runs in spin a class and compile method-handle code for it.
     */
    Settling SETTLED = new Settling() {
        @Override
        public boolean await() {
            return true;
        }
    };

    /**
     * Waits for the batch's settle period to end; called by the reload thread, before the batch changes anything.
     *
     * @return true when the batch is to be applied (or refused) as it is; false when more was written meanwhile and
     *     the batch must be dropped, its files to come again in the next batch
     * @throws InterruptedException when the reload thread is interrupted while waiting
     */
    boolean await() throws InterruptedException;
}
