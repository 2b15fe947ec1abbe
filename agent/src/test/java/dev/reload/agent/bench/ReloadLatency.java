package dev.reload.agent.bench;

import dev.reload.fixtures.harness.ChildJvm;
import dev.reload.fixtures.harness.FixtureCompiler;
import dev.reload.fixtures.harness.Fixtures;
import dev.reload.fixtures.harness.Jdks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures one saved class → new code running: the time from just before a class file is written to the
 * moment the child program first sees the new value, both read from {@link System#nanoTime()} (one
 * monotonic clock for every process on Linux). Run after {@code mvn package}:
 * <pre>
 * java -cp agent/target/test-classes:test-fixtures/target/classes \
 *      -Dreload.agent.jar=agent/target/reload-agent.jar -Dreload.fixtures.dir=test-fixtures/src/fixtures \
 *      dev.reload.agent.bench.ReloadLatency [reloads] [agent options]
 * </pre>
 */
public final class ReloadLatency {
    private static final String VALUE = "fixture/latency/Value.class";

    private ReloadLatency() {
    }

    public static void main(String[] args) throws Exception {
        int reloads = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String options = args.length > 1 ? args[1] : "";
        Path work = Files.createTempDirectory("reload-latency");
        Path classes = work.resolve("classes");
        FixtureCompiler.compile(Fixtures.sources("latency", "v1"), classes);
        Path v2 = work.resolve("v2");
        FixtureCompiler.compile(Fixtures.sources("latency", "v2"), v2);
        byte[][] versions = {Files.readAllBytes(classes.resolve(VALUE)), Files.readAllBytes(v2.resolve(VALUE))};
        List<Long> micros = new ArrayList<>();
        try (ChildJvm child = ChildJvm.on(Jdks.current()).reloadAgent(options).classPath(classes)
                .main("fixture.latency.Main").start()) {
            child.awaitStdout("^value v1 at ");
            Thread.sleep(1000); // let start-up (JIT, class loading) finish, as in a game that has been running
            for (int i = 0; i < reloads; i++) {
                int next = (i + 1) % 2;
                int mark = child.stdoutMark();
                long written = System.nanoTime();
                write(classes.resolve(VALUE), versions[next]);
                String seen = child.awaitStdoutAfter(mark, "^value v" + (next + 1) + " at ");
                long seenAt = Long.parseLong(seen.substring(seen.lastIndexOf(' ') + 1));
                micros.add((seenAt - written) / 1_000);
                Thread.sleep(50);
            }
        }
        print(micros, options);
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
    }

    private static void print(List<Long> micros, String options) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("%d reloads of one class, options '%s', on %s:%n", sorted.size(), options,
                System.getProperty("java.version"));
        System.out.printf("  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms  min %.1f ms%n",
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted.get(sorted.size() - 1) / 1000.0, sorted.get(0) / 1000.0);
    }

    private static double percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}
