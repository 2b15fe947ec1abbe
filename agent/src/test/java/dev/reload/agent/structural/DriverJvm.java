package dev.reload.agent.structural;

import dev.reload.fixtures.harness.ChildJvm;
import dev.reload.fixtures.harness.FixtureCompiler;
import dev.reload.fixtures.harness.Fixtures;
import dev.reload.patcher.rewrite.StructuralRewriter;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs {@link StructuralDriver} in a child JVM on a fixture case: compiles versions, installs a version into the
 * live class directory the child loads from, asks the child to apply it, and collects what each command printed.
 */
final class DriverJvm implements AutoCloseable {
    private final ChildJvm child;
    private final Path work;
    private final Path live;
    private final String fixtureCase;

    private DriverJvm(ChildJvm child, Path work, Path live, String fixtureCase) {
        this.child = child;
        this.work = work;
        this.live = live;
        this.fixtureCase = fixtureCase;
    }

    /** Compiles version {@code v1} of the case into a live directory and starts the driver on it. */
    static DriverJvm start(Path jdk, Path work, String fixtureCase, String mainClass) {
        return start(jdk, work, Fixtures.sources(fixtureCase, "v1"), fixtureCase, mainClass);
    }

    /** Compiles the sources into a live directory and starts the driver on them. */
    static DriverJvm start(Path jdk, Path work, Path sources, String fixtureCase, String mainClass) {
        Path live = work.resolve("live");
        FixtureCompiler.compile(sources, live);
        ChildJvm.Builder builder = ChildJvm.on(jdk).agent(agentJar(work), "").classPath(live);
        for (Path entry : driverClassPath()) {
            builder.classPath(entry);
        }
        ChildJvm child = builder.main(StructuralDriver.class.getName(), mainClass).start();
        try {
            child.awaitStdout("^driver ready$");
        } catch (AssertionError e) {
            child.close();
            throw e;
        }
        return new DriverJvm(child, work, live, fixtureCase);
    }

    /** {@return the lines the command printed before its {@code done:} line} */
    List<String> run(String command) {
        int mark = child.stdoutMark();
        child.send(command);
        child.awaitStdoutAfter(mark, "^done: " + Pattern.quote(command) + "$");
        List<String> printed = new ArrayList<>();
        for (String line : child.stdout().subList(mark, child.stdout().size())) {
            if (line.equals("done: " + command)) {
                break;
            }
            printed.add(line);
        }
        return printed;
    }

    /** Compiles a version of the case, copies its class files over the live ones (as a build would), applies them. */
    List<String> install(String version) {
        return install(Fixtures.sources(fixtureCase, version), version);
    }

    /** Compiles sources into {@code work/name}, copies the class files over the live ones and applies them. */
    List<String> install(Path sources, String name) {
        Path compiled = work.resolve(name);
        FixtureCompiler.compile(sources, compiled);
        copyTree(compiled, live);
        return run("reload " + compiled);
    }

    String transcript() {
        return child.transcript();
    }

    @Override
    public void close() {
        child.close();
    }

    private static Path agentJar(Path work) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", StructuralDriver.class.getName());
        manifest.getMainAttributes().putValue("Can-Redefine-Classes", "true");
        Path jar = work.resolve("driver-agent.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream unused = new JarOutputStream(out, manifest)) {
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The driver, the engine, the patcher and ASM, wherever the build keeps them (directories or jars). */
    private static List<Path> driverClassPath() {
        Set<Path> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(StructuralDriver.class, StructuralEngine.class, StructuralRewriter.class,
                ClassReader.class, ClassNode.class)) {
            try {
                entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return List.copyOf(entries);
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
