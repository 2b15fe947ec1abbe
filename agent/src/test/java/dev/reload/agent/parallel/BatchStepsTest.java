package dev.reload.agent.parallel;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchStepsTest {
    @Test
    void givesEachItemsResultInOrderForSmallAndLargeBatches() {
        for (int size : new int[] {0, 1, BatchSteps.ITEMS_PER_THREAD * 2 - 1, 1000, 1001}) {
            List<Integer> items = IntStream.range(0, size).boxed().toList();
            List<String> results = BatchSteps.map(items, i -> "item " + i);
            assertEquals(items.stream().map(i -> "item " + i).toList(), results, "batch of " + size);
        }
    }

    @Test
    void keepsNullResults() {
        List<Integer> items = IntStream.range(0, 500).boxed().toList();
        List<Object> results = BatchSteps.map(items, i -> i % 2 == 0 ? null : i);
        for (int i = 0; i < items.size(); i++) {
            assertEquals(i % 2 == 0 ? null : i, results.get(i));
        }
    }

    @Test
    void anAttemptKeepsEachItemsValueOrCheckedExceptionInOrder() throws Exception {
        List<Integer> items = IntStream.range(0, 1000).boxed().toList();
        List<Attempt<String, IOException>> attempts = BatchSteps.attempt(items, i -> {
            if (i % 3 == 0) {
                throw new IOException("item " + i);
            }
            return "item " + i;
        }, IOException.class);
        for (int i = 0; i < items.size(); i++) {
            Attempt<String, IOException> attempt = attempts.get(i);
            if (i % 3 == 0) {
                IOException thrown = assertThrows(IOException.class, attempt::value);
                assertEquals("item " + i, thrown.getMessage());
            } else {
                assertEquals("item " + i, attempt.value());
            }
        }
    }

    @Test
    void aStepThatThrowsEndsTheBatchWithItsException() {
        List<Integer> items = IntStream.range(0, 1000).boxed().toList();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> BatchSteps.map(items, i -> {
            if (i == 777) {
                throw new IllegalStateException("item " + i);
            }
            return i;
        }));
        assertEquals("item 777", thrown.getMessage());
    }

    @Test
    void theCallerDoesTheItemsAHelperInTheMiddleOfOneLeaves() throws InterruptedException {
        List<Integer> items = IntStream.range(0, 1000).boxed().toList();
        Thread caller = Thread.currentThread();
        AtomicInteger byCaller = new AtomicInteger();
        CountDownLatch callerDone = new CountDownLatch(items.size() - 1);
        AtomicBoolean helperHeld = new AtomicBoolean();
        List<Integer> results = BatchSteps.map(items, i -> {
            if (Thread.currentThread() == caller) {
                byCaller.incrementAndGet();
                callerDone.countDown();
            } else if (helperHeld.compareAndSet(false, true)) {
                // A helper kept from running: the caller goes on with every other item meanwhile.
                awaitQuietly(callerDone);
            }
            return i;
        });
        assertEquals(items, results);
        assertTrue(byCaller.get() >= items.size() - 1, "the caller did " + byCaller.get() + " items");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            // Bounded only so that a regression fails the assertion above rather than hanging the build.
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
