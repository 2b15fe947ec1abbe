package dev.reload.agent.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures only the reload latency, with any agent options, for trying settings quickly; {@link Benchmarks}
 * runs it among the others. Run after {@code mvn package}:
 * <pre>
 * java -cp agent/target/test-classes:test-fixtures/target/classes \
 *      -Dreload.agent.jar=agent/target/reload-agent.jar -Dreload.fixtures.dir=test-fixtures/src/fixtures \
 *      dev.reload.agent.bench.ReloadLatency [reloads] [agent options]
 * </pre>
 */
public final class ReloadLatency {
    private ReloadLatency() {
    }

    public static void main(String[] args) throws Exception {
        int reloads = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String options = args.length > 1 ? args[1] : "";
        Path work = Files.createTempDirectory("reload-latency");
        Stats stats = Stats.of(LatencyBench.measure(work, reloads, options, null));
        System.out.printf("%d reloads of one class, options '%s', on %s:%n", stats.count(), options,
                System.getProperty("java.version"));
        System.out.printf("  p50 %s ms  p90 %s ms  p99 %s ms  max %s ms  min %s ms%n", Stats.ms(stats.median()),
                Stats.ms(stats.percentile(90)), Stats.ms(stats.percentile(99)), Stats.ms(stats.max()),
                Stats.ms(stats.min()));
    }
}
