package dev.reload.patcher.bench;

import dev.reload.fixtures.harness.Jdks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs {@link ShapeMemoryBenchmark} in a fresh JVM (so no earlier test has filled the symbol table) and
 * holds its figure to the budget: at most 1 KiB retained per class on average over java.base.
 */
class ShapeMemoryBudgetTest {
    private static final Pattern FIGURE = Pattern.compile(
            Pattern.quote(ShapeMemoryBenchmark.FIRST_ROUND) + "(\\d+) classes: (\\d+) bytes retained per shape");

    @Test
    void aShapeRetainsAtMostOneKibOnAverageOverJavaBase() throws IOException, InterruptedException {
        Process benchmark = new ProcessBuilder(Jdks.java(Jdks.current()).toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), ShapeMemoryBenchmark.class.getName())
                .redirectErrorStream(true).start();
        try {
            benchmark.getOutputStream().close();
            String output = new String(benchmark.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(benchmark.waitFor(5, TimeUnit.MINUTES), "the benchmark did not end");
            assertEquals(0, benchmark.exitValue(), output);
            System.out.print(output);
            Matcher figure = FIGURE.matcher(output);
            assertTrue(figure.find(), "no figure in:\n" + output);
            assertTrue(Integer.parseInt(figure.group(1)) > 3000, output);
            int bytesPerClass = Integer.parseInt(figure.group(2));
            assertTrue(bytesPerClass <= 1024, "a shape retains " + bytesPerClass + " bytes on average, over 1 KiB");
        } finally {
            benchmark.destroyForcibly();
        }
    }
}
