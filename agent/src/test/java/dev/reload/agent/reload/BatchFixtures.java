package dev.reload.agent.reload;

import dev.reload.agent.index.CapturedClass;
import dev.reload.agent.index.LoadedClass;
import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.agent.watch.ChangedFile;
import dev.reload.agent.watch.ContentHash;
import dev.reload.fixtures.harness.FixtureCompiler;
import dev.reload.fixtures.harness.Fixtures;
import dev.reload.patcher.rewrite.LoadTimeAugmenter;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fixture versions compiled into directories, and the running classes and changed files a stage of the reload path
 * takes, made without a child JVM: a running class is a class object of this test (its identity alone matters to
 * the stages) captured with the bytes of a fixture version, as the agent captures a class when it loads, from a
 * file of the directory the program loads from; a changed file is a later version's bytes at that same path.
 */
final class BatchFixtures {
    private final Path work;

    BatchFixtures(Path work) {
        this.work = work;
    }

    /** {@return the directory a version of a fixture case is compiled into} */
    Path compile(String fixtureCase, String version) {
        Path out = work.resolve(fixtureCase + "-" + version);
        FixtureCompiler.compile(Fixtures.sources(fixtureCase, version), out);
        return out;
    }

    /**
     * {@return the class file of that name in a compiled version, as the watcher hands it over once the version is
     * written to the directory the program loads from}
     */
    ParsedFile changedFile(Path version, String internalName) throws IOException, UnreadableClassException {
        byte[] bytes = Files.readAllBytes(version.resolve(internalName + ".class"));
        return new ParsedFile(new ChangedFile(live(), liveFile(internalName), bytes, ContentHash.of(bytes)),
                ClassShape.read(bytes));
    }

    /** {@return the file of that name in the directory the program loads from} */
    Path liveFile(String internalName) {
        return live().resolve(internalName + ".class");
    }

    private Path live() {
        return work.resolve("live");
    }

    /**
     * {@return the class of that name, running the version's class file (prepared at load as the agent prepares
     * it, when {@code prepared}), put in the index under {@code type}'s loader}
     *
     * @param type the class object that stands for the running class; one per running class of a test
     */
    LoadedClass running(LoadedClassIndex index, Class<?> type, Path version, String internalName, boolean prepared)
            throws IOException {
        byte[] bytes = Files.readAllBytes(version.resolve(internalName + ".class"));
        byte[] runs = prepared ? LoadTimeAugmenter.augment(bytes, LoadTimeAugmenter.DEFAULT_SPARE_NEST_MEMBERS) : bytes;
        CapturedClass captured = new CapturedClass(internalName, liveFile(internalName), runs, false);
        index.putLoaded(type, captured);
        return new LoadedClass(type, captured);
    }

    /** {@return the class file a test class was compiled to, from the test's class path} */
    static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    /**
     * {@return an instrumentation that says whether it can retransform classes, lets the runtime "go on the boot
     * class path" without doing it (the planner asks for that when a class makes lambdas), and refuses everything
     * else}: the stages tested alone must not need the JVM's
     */
    static Instrumentation instrumentation(boolean canRetransform) {
        return (Instrumentation) Proxy.newProxyInstance(BatchFixtures.class.getClassLoader(),
                new Class<?>[] {Instrumentation.class}, (proxy, method, arguments) -> {
                    switch (method.getName()) {
                        case "isRetransformClassesSupported" -> {
                            return canRetransform;
                        }
                        case "getAllLoadedClasses" -> {
                            return new Class<?>[0];
                        }
                        case "appendToBootstrapClassLoaderSearch" -> {
                            return null;
                        }
                        default -> {
                        }
                    }
                    throw new UnsupportedOperationException(method.getName() + " is not for a stage tested alone");
                });
    }
}
