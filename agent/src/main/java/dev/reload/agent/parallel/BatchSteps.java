package dev.reload.agent.parallel;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs one step of a batch (reading a file, reading a shape, conforming a class file) over each item on every
 * core when the batch is large: each costs tens of microseconds, and a build's batch has hundreds or thousands.
 * Small batches, the single saved file among them, run on the calling thread alone. The calling thread and the helpers
 * claim the items one at a time, so the caller does every item no helper has begun: on a loaded machine, where a
 * helper can wait tens of milliseconds for a core, a batch never waits for it to start. The helper threads are
 * daemons of a pool of the agent's own, so the program's common pool is never used; they exist only once a
 * large batch has come.
 */
public final class BatchSteps {
    /** Fewer items than this per thread are not worth handing to another thread. */
    static final int ITEMS_PER_THREAD = 32;
    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    private BatchSteps() {
    }

    /**
     * {@return the step's result for each item, in the items' order}
     *
     * @param items the items, never null
     * @param step what to do with one item; may run on several threads at once, so it must be thread-safe; should
     *             return what went wrong rather than throw, since the first exception thrown ends the batch
     */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> step) {
        return map(items, step, ITEMS_PER_THREAD);
    }

    /**
     * {@return the step's result for each item, in the items' order}, with a helper for each {@code itemsPerThread}
     * items beyond the caller's own, as many as there are other cores: for a step that costs more than most, so that a
     * few dozen items are spread over the cores too
     *
     * @param items the items, never null
     * @param step what to do with one item, as {@link #map(List, Function)} takes it; never null
     * @param itemsPerThread the fewest items worth a thread, 1 or more
     */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> step, int itemsPerThread) {
        int helpers = Math.min(THREADS, items.size() / itemsPerThread) - 1;
        Object[] results = new Object[items.size()];
        if (helpers < 1) {
            for (int i = 0; i < items.size(); i++) {
                results[i] = step.apply(items.get(i));
            }
            return results(results);
        }
        Shared<T, R> shared = new Shared<>(items, step, results);
        for (int k = 0; k < helpers; k++) {
            Pool.INSTANCE.execute(shared::work);
        }
        shared.work();
        shared.awaitDone();
        Throwable failure = shared.thrown.get();
        if (failure instanceof RuntimeException e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        }
        return results(results);
    }

    /**
     * {@return for each item, in the items' order, the step's value or the checked exception it ended with}
     *
     * @param items the items, never null
     * @param step what to do with one item; may run on several threads at once, so it must be thread-safe
     * @param failureType the checked exception the step declares, never null
     */
    public static <T, R, E extends Exception> List<Attempt<R, E>> attempt(
            List<T> items, Attempt.Step<? super T, ? extends R, E> step, Class<E> failureType) {
        return map(items, new Attempting<T, R, E>(step, failureType));
    }

    /** One item's attempt. A class of its own, not a lambda: every save runs it, and a lambda spins a class for good. */
    private record Attempting<T, R, E extends Exception>(Attempt.Step<? super T, ? extends R, E> step,
                                                         Class<E> failureType) implements Function<T, Attempt<R, E>> {
        @Override
        public Attempt<R, E> apply(T item) {
            return Attempt.of(item, step, failureType);
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> List<R> results(Object[] results) {
        return Collections.unmodifiableList((List<R>) Arrays.asList(results));
    }

    /**
     * One batch's items, claimed one at a time by the calling thread and the helpers: a helper that a busy machine
     * starts late finds the items done, so the caller never waits for a helper to be scheduled, only for the items a
     * helper is in the middle of.
     */
    private static final class Shared<T, R> {
        private final List<T> items;
        private final Function<? super T, ? extends R> step;
        private final Object[] results;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();
        /** Counted down once every item is finished, or claimed after a step threw. */
        private final CountDownLatch done = new CountDownLatch(1);
        /** The first exception a step threw: the batch ends with it, and the items not begun are not run. */
        private final AtomicReference<Throwable> thrown = new AtomicReference<>();

        Shared(List<T> items, Function<? super T, ? extends R> step, Object[] results) {
            this.items = items;
            this.step = step;
            this.results = results;
        }

        void work() {
            int count = 0;
            for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                if (thrown.get() == null) {
                    try {
                        results[i] = step.apply(items.get(i));
                    } catch (RuntimeException | Error e) {
                        thrown.compareAndSet(null, e);
                    }
                }
                count++;
            }
            // The results written above happen before the caller sees the count that completes the batch.
            if (count > 0 && finished.addAndGet(count) == items.size()) {
                done.countDown();
            }
        }

        void awaitDone() {
            boolean interrupted = false;
            while (done.getCount() > 0) {
                try {
                    done.await();
                } catch (InterruptedException e) {
                    interrupted = true; // the items in flight finish anyway: wait for them, then say so
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The pool, made on first use: a program that never saves a large batch never starts its threads. */
    private static final class Pool {
        static final ForkJoinPool INSTANCE = new ForkJoinPool(Math.max(1, THREADS - 1), pool -> {
            // The default factory makes daemon threads; the name says whose they are.
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName("reload-batch-" + thread.getPoolIndex());
            return thread;
        }, null, false);
    }
}
