package dev.reload.agent.bench;

import dev.reload.fixtures.harness.ChildJvm;
import dev.reload.fixtures.harness.FixtureCompiler;
import dev.reload.fixtures.harness.Fixtures;
import dev.reload.fixtures.harness.Jdks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures compile mode: one saved source → new code running, the agent compiling the file in the program. The
 * time is from just before the source is written to the moment the child first sees the new value, both from
 * {@link System#nanoTime()} (one monotonic clock for every process on Linux). The first edits warm javac up and
 * are left out of the figures. Budget: a warm edit ≤ 300 ms. Run after {@code mvn package}:
 * <pre>
 * java -cp agent/target/test-classes:test-fixtures/target/classes \
 *      -Dreload.agent.jar=agent/target/reload-agent.jar -Dreload.fixtures.dir=test-fixtures/src/fixtures \
 *      dev.reload.agent.bench.CompileLatency [edits] [JDK home]
 * </pre>
 */
public final class CompileLatency {
    private static final String VALUE = "fixture/latency/Value.java";
    private static final int WARM_UP_EDITS = 5;

    private CompileLatency() {
    }

    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        Path jdk = args.length > 1 ? Path.of(args[1]) : Jdks.current();
        Path work = Files.createTempDirectory("reload-compile-latency");
        Path classes = work.resolve("classes");
        Path sources = work.resolve("src");
        FixtureCompiler.compile(Fixtures.sources("latency", "v1"), classes);
        Files.createDirectories(sources.resolve(VALUE).getParent());
        String[] versions = {
            Files.readString(Fixtures.sources("latency", "v1").resolve(VALUE)),
            Files.readString(Fixtures.sources("latency", "v2").resolve(VALUE))};
        Files.writeString(sources.resolve(VALUE), versions[0]);
        List<Long> micros = new ArrayList<>();
        try (ChildJvm child = ChildJvm.on(jdk).reloadAgent("src=" + sources).classPath(classes)
                .main("fixture.latency.Main").start()) {
            child.awaitStdout("^value v1 at ");
            Thread.sleep(3000); // start-up and the compiler's warm-up on the agent's thread
            for (int i = 0; i < WARM_UP_EDITS + edits; i++) {
                int next = (i + 1) % 2;
                int mark = child.stdoutMark();
                long written = System.nanoTime();
                Files.writeString(sources.resolve(VALUE), versions[next]);
                String seen = child.awaitStdoutAfter(mark, "^value v" + (next + 1) + " at ");
                long seenAt = Long.parseLong(seen.substring(seen.lastIndexOf(' ') + 1));
                if (i >= WARM_UP_EDITS) {
                    micros.add((seenAt - written) / 1_000);
                }
                Thread.sleep(200); // a person does not save faster than this
            }
        }
        print(micros, jdk);
    }

    private static void print(List<Long> micros, Path jdk) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("%d warm single-file edits compiled by the agent, on %s:%n", sorted.size(), Jdks.label(jdk));
        System.out.printf("  p50 %.1f ms  p90 %.1f ms  max %.1f ms  min %.1f ms  (budget 300 ms)%n",
                percentile(sorted, 50), percentile(sorted, 90), sorted.get(sorted.size() - 1) / 1000.0,
                sorted.get(0) / 1000.0);
    }

    private static double percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}
