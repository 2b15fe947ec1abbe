package dev.reload.patcher.bench;

import dev.reload.patcher.shape.JavaBase;

import java.util.List;

/**
 * Prints the heap a {@code ClassShape} retains on average over every class of {@code java.base}, against
 * the budget of 1 KiB per tracked class. Run after {@code mvn -q -pl patcher -am test-compile} with
 * {@code java -cp <patcher test classpath> dev.reload.patcher.bench.ShapeMemoryBenchmark}; the same figure
 * is printed and checked by {@code ShapeMemoryBudgetTest} in every build.
 */
public final class ShapeMemoryBenchmark {
    /** How the line with the figure that counts starts. */
    static final String FIRST_ROUND = "java.base, first shaping in this JVM: ";

    private ShapeMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<byte[]> classFiles = JavaBase.classFiles();
        // The first round pays for every name and descriptor entering the symbol table, as a program's
        // classes do when they load: that is the figure the budget is about.
        System.out.println(FIRST_ROUND + ShapeMemory.measure(classFiles));
        for (int round = 2; round <= 3; round++) {
            System.out.println("java.base again, names already known: " + ShapeMemory.measure(classFiles));
        }
        System.out.println("budget: 1024 bytes per class");
    }
}
