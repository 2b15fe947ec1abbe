package dev.reload.patcher.bench;

import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the heap that shapes retain: the used heap after full collections with every shape of a set
 * of class files held, minus the same without them. The class files themselves are held in both
 * measurements, so only what the shapes keep counts (their arrays, records they hold, and the interned
 * names and descriptors they are the first to need).
 */
public final class ShapeMemory {
    /** What one measurement found. */
    public record Figure(int classes, long retainedBytes, long shapingNanos) {
        /** {@return the retained heap per class, in bytes} */
        public double bytesPerClass() {
            return (double) retainedBytes / classes;
        }

        @Override
        public String toString() {
            return String.format("%d classes: %.0f bytes retained per shape on average (%.2f MiB in all), "
                            + "%.1f µs to shape one class", classes, bytesPerClass(), retainedBytes / 1048576.0,
                    shapingNanos / 1000.0 / classes);
        }
    }

    private ShapeMemory() {
    }

    /**
     * Shapes every class file and measures what the shapes retain.
     *
     * @param classFiles the class files, never null, held by the caller throughout
     * @return the figure, never null
     * @throws UnreadableClassException when one of the files is no class file
     */
    public static Figure measure(List<byte[]> classFiles) throws UnreadableClassException {
        long before = usedHeapAfterGc();
        long start = System.nanoTime();
        List<ClassShape> shapes = new ArrayList<>(classFiles.size());
        for (byte[] file : classFiles) {
            shapes.add(ClassShape.read(file));
        }
        long nanos = System.nanoTime() - start;
        long after = usedHeapAfterGc();
        // The list's own array is not part of what a shape costs.
        long listArray = 16L + 4L * classFiles.size();
        long retained = after - before - listArray;
        if (shapes.size() != classFiles.size()) {
            throw new IllegalStateException("lost a shape");
        }
        return new Figure(shapes.size(), retained, nanos);
    }

    /** {@return the used heap once repeated collections stop freeing anything} */
    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used >= previous - 1024) {
                return Math.min(used, previous);
            }
            previous = used;
        }
        return previous;
    }
}
