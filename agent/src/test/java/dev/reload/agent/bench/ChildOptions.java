package dev.reload.agent.bench;

import dev.reload.fixtures.harness.ChildJvm;
import dev.reload.fixtures.harness.Jdks;

import java.util.List;

/**
 * The JVM options {@code bench/run --child-option} adds to every child JVM the benchmarks start, the floors' as well
 * as reload-agent's, so that one run measures both under the same flags: how a JIT or collector setting moves a budget
 * and its floor together. None in a run of record.
 */
final class ChildOptions {
    /** The system property {@code bench/run} sets: the options, one a line. */
    static final String PROPERTY = "reload.bench.childOptions";

    private ChildOptions() {
    }

    /** {@return the options given, in order; empty for a run of record} */
    static List<String> all() {
        String given = System.getProperty(PROPERTY, "");
        return given.isBlank() ? List.of() : given.strip().lines().map(String::strip).toList();
    }

    /** {@return a child JVM on the JDK measured, with the options given} */
    static ChildJvm.Builder child() {
        ChildJvm.Builder builder = ChildJvm.on(Jdks.current());
        all().forEach(builder::jvmOption);
        return builder;
    }
}
