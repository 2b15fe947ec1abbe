package dev.reload.agent.parallel;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
