package dev.reload.agent.it;

import dev.reload.fixtures.harness.CompilerKind;
import dev.reload.fixtures.harness.Jdks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Versions of a fixture case applied one after the other to one program under the real agent, on every test JDK
 * with every Java compiler, each version a test of its own: a version that fails is reported, and the versions after
 * it still run and are reported on their own. Every program started is closed after its last version, and by
 * {@link #close()} in any case.
 */
final class VersionWalk implements AutoCloseable {
    private final List<StructuralChild> started = new ArrayList<>();

    /**
     * One version: what to do with the program and what to check.
     *
     * @param name the test's name, such as {@code v3: the added code changes}
     * @param check installs the version and checks what it does, given the running program
     */
    record Step(String name, ThrowingConsumer<StructuralChild> check) {
    }

    /**
     * {@return a container of tests per JDK and compiler: the first starts the case's version {@code v1} and
     * checks it, each later one applies and checks one version}
     *
     * @param work a directory of the test's own, never null
     * @param steps the first checks {@code v1} as started; never empty
     */
    Stream<DynamicContainer> walk(Path work, String fixtureCase, String mainClass, List<Step> steps) {
        return Jdks.stream().flatMap(jdk -> CompilerKind.forJava().stream().map(compiler -> {
            String label = Jdks.label(jdk) + " " + compiler;
            Path directory = work.resolve(label.replaceAll("[^A-Za-z0-9]+", "-"));
            StructuralChild[] child = new StructuralChild[1];
            List<DynamicTest> tests = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                boolean first = i == 0;
                boolean last = i == steps.size() - 1;
                tests.add(DynamicTest.dynamicTest(step.name(), () -> {
                    try {
                        if (first) {
                            child[0] = StructuralChild.start(jdk, compiler, directory, fixtureCase, mainClass);
                            started.add(child[0]);
                        }
                        Assumptions.assumeTrue(child[0] != null, "the program did not start");
                        step.check().accept(child[0]);
                    } finally {
                        if (last && child[0] != null) {
                            child[0].close();
                        }
                    }
                }));
            }
            return DynamicContainer.dynamicContainer(label, tests);
        }));
    }

    @Override
    public void close() {
        started.forEach(StructuralChild::close);
        started.clear();
    }
}
