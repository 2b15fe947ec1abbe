package dev.reload.agent.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Function;

/**
 * Runs one step of a batch (reading a file, reading a shape, conforming a class file) over each item on every
 * core when the batch is large: each costs tens of microseconds, and a build's batch has hundreds or thousands.
 * Small batches, the single saved file among them, run on the calling thread alone. The helper threads are
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
        int threads = Math.min(THREADS, items.size() / ITEMS_PER_THREAD);
        Object[] results = new Object[items.size()];
        if (threads < 2) {
            fill(items, step, results, 0, items.size());
            return results(results);
        }
        int chunk = (items.size() + threads - 1) / threads;
        int chunks = (items.size() + chunk - 1) / chunk;
        // What a step threw, per chunk: rethrown as it is, once every helper is done with the batch.
        Throwable[] thrown = new Throwable[chunks];
        List<ForkJoinTask<?>> helpers = new ArrayList<>();
        for (int k = 1; k < chunks; k++) {
            int index = k;
            helpers.add(Pool.INSTANCE.submit(() -> fill(items, step, results, index * chunk,
                    Math.min(items.size(), (index + 1) * chunk), thrown, index)));
        }
        fill(items, step, results, 0, chunk, thrown, 0);
        for (ForkJoinTask<?> helper : helpers) {
            helper.join();
        }
        for (Throwable failure : thrown) {
            if (failure instanceof RuntimeException e) {
                throw e;
            } else if (failure instanceof Error e) {
                throw e;
            }
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
        return map(items, item -> Attempt.of(item, step, failureType));
    }

    private static <T, R> void fill(List<T> items, Function<? super T, ? extends R> step, Object[] results, int from,
                                    int to, Throwable[] thrown, int chunk) {
        try {
            fill(items, step, results, from, to);
        } catch (RuntimeException | Error e) {
            thrown[chunk] = e;
        }
    }

    private static <T, R> void fill(List<T> items, Function<? super T, ? extends R> step, Object[] results, int from,
                                    int to) {
        for (int i = from; i < to; i++) {
            results[i] = step.apply(items.get(i));
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> List<R> results(Object[] results) {
        return Collections.unmodifiableList((List<R>) Arrays.asList(results));
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
