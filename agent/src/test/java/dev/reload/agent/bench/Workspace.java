package dev.reload.agent.bench;

import dev.reload.agent.bench.reference.ReferenceAgent;
import dev.reload.agent.bench.reference.ReferenceAgentJar;
import dev.reload.fixtures.generate.ManyClasses;
import dev.reload.fixtures.harness.ChildJvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The files every benchmark shares, under one temporary directory deleted at the end: the reference agent
 * jar and the generated program in two versions, compiled once. Benchmarks that write class files work on
 * fresh copies of version 1.
 */
final class Workspace implements AutoCloseable {
    private final Path root;
    private final int classCount;
    private Path referenceAgent;
    private Path[] generated;
    /** The class files of each version, read once so that writing a batch is only writes. */
    private final byte[][][] classFiles = new byte[2][][];
    private int copies;

    /**
     * @param classCount how many classes the generated program has, at least 2
     */
    Workspace(int classCount) throws IOException {
        this.root = Files.createTempDirectory("reload-bench");
        this.classCount = classCount;
    }

    int classCount() {
        return classCount;
    }

    Path root() {
        return root;
    }

    /** {@return the reference agent's jar, made on first use} */
    Path referenceAgent() throws IOException {
        if (referenceAgent == null) {
            referenceAgent = ReferenceAgentJar.create(root);
        }
        return referenceAgent;
    }

    /**
     * {@return the directory holding version {@code version} (1 or 2) of the generated program, compiled on first use}
     */
    Path generated(int version) {
        if (generated == null) {
            generated = new Path[2];
            for (int v = 1; v <= 2; v++) {
                generated[v - 1] = root.resolve("generated-v" + v);
                ManyClasses.compile(generated[v - 1], classCount, v);
            }
        }
        return generated[version - 1];
    }

    /**
     * {@return a child JVM that runs the generated program in {@code mode} over every class}
     *
     * @param classes the class directory, {@link #generated} or a {@link #freshCopy}, never null
     * @param mode one of the modes of the fixture {@code generated/v1} {@code Main}, never null
     * @param reloadAgent true for reload-agent with its default settings, false for no agent
     */
    ChildJvm.Builder program(Path classes, String mode, boolean reloadAgent) {
        ChildJvm.Builder builder = ChildOptions.child().classPath(classes)
                .main(ManyClasses.MAIN, mode, String.valueOf(classCount));
        return reloadAgent ? builder.reloadAgent("") : builder;
    }

    /** {@return true once the generated program is compiled} */
    boolean isGenerated() {
        return generated != null;
    }

    /** {@return a new directory holding a copy of version 1 of the generated program} */
    Path freshCopy() throws IOException {
        Path source = generated(1);
        Path target = root.resolve("run-" + ++copies);
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : walk.toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    /**
     * Replaces classes {@code C(count-1)} down to {@code C0} in {@code classes} with version {@code version},
     * as build tools that replace files atomically do: each new class file is written under a temporary
     * name first, then all are renamed over the old ones in one quick burst, {@code C0} (which the program
     * polls) last. A burst of renames reaches the agent as one batch even on a busy machine, where a burst of
     * slow writes may be cut into several by its quiet period.
     *
     * @return the {@link System#nanoTime()} just after the last rename
     */
    long write(Path classes, int count, int version) throws IOException {
        byte[][] files = classFiles(version);
        Path[] temporary = new Path[count];
        for (int i = count - 1; i >= 0; i--) {
            temporary[i] = classes.resolve(ManyClasses.classFile(i) + ".new");
            Files.write(temporary[i], files[i]);
        }
        for (int i = count - 1; i >= 0; i--) {
            Files.move(temporary[i], classes.resolve(ManyClasses.classFile(i)), StandardCopyOption.ATOMIC_MOVE);
        }
        return System.nanoTime();
    }

    /**
     * Replaces classes {@code C(count-1)} down to {@code C0} in {@code classes} with version {@code version} as javac and
     * IDEs write class files: each over its old one, in place, {@code C0} (which the program polls) last.
     *
     * @return the {@link System#nanoTime()} just after the last write
     */
    long writeInPlace(Path classes, int count, int version) throws IOException {
        byte[][] files = classFiles(version);
        for (int i = count - 1; i >= 0; i--) {
            Files.write(classes.resolve(ManyClasses.classFile(i)), files[i]);
        }
        return System.nanoTime();
    }

    /**
     * {@return a new, empty directory tree for {@link #writePrepared}, with the generated program's package directory in
     * it (a watcher started on it sees the files written there)}
     */
    Path preparedRoot() throws IOException {
        Path prepared = root.resolve("prepared-" + ++copies);
        Files.createDirectories(prepared.resolve(ManyClasses.classFile(0)).getParent());
        return prepared;
    }

    /**
     * Writes {@code C0} of version {@code version} into {@code prepared} as reload-agent runs it: the class file as
     * compiled, since a class of the application class loader loads without the agent's load-time edit. It is the class
     * file another agent can redefine the class with in a program that runs reload-agent, written under a temporary
     * name and renamed, as {@link #write} does, in a directory reload-agent does not watch.
     *
     * @param prepared a directory made by {@link #preparedRoot}, never null
     */
    void writePrepared(Path prepared, int version) throws IOException {
        byte[] classFile = classFiles(version)[0];
        Path target = prepared.resolve(ManyClasses.classFile(0));
        Path temporary = prepared.resolve(ManyClasses.classFile(0) + ".new");
        Files.write(temporary, classFile);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Asks the reference agent watching {@code prepared} for one bare {@code redefineClasses} of classes {@code C0} to
     * {@code C(count-1)} with version {@code version}, the same bytes {@link #write} writes: a list of the classes and
     * their compiled class files (a {@link ReferenceAgent#BATCH_SUFFIX} file), written under a temporary name and
     * renamed, in a directory reload-agent does not watch.
     *
     * @param prepared a directory that the reference agent watches and reload-agent does not, made by
     *     {@link #preparedRoot} or {@link #freshCopy}; never null
     */
    void writeBatch(Path prepared, int count, int version) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String classFile = ManyClasses.classFile(i);
            String binaryName = classFile.substring(0, classFile.length() - ".class".length()).replace('/', '.');
            lines.append(binaryName).append('\t').append(generated(version).resolve(classFile)).append('\n');
        }
        Path temporary = prepared.resolve("classes.batch.new");
        Files.writeString(temporary, lines);
        Path batch = prepared.resolve("classes" + ReferenceAgent.BATCH_SUFFIX);
        Files.move(temporary, batch, StandardCopyOption.ATOMIC_MOVE);
    }

    private byte[][] classFiles(int version) throws IOException {
        if (classFiles[version - 1] == null) {
            Path from = generated(version);
            byte[][] files = new byte[classCount][];
            for (int i = 0; i < classCount; i++) {
                files[i] = Files.readAllBytes(from.resolve(ManyClasses.classFile(i)));
            }
            classFiles[version - 1] = files;
        }
        return classFiles[version - 1];
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
