package dev.reload.agent.it;

import dev.reload.agent.bench.reference.ReferenceAgentJar;
import dev.reload.fixtures.harness.ChildJvm;
import dev.reload.fixtures.harness.CompilerKind;
import dev.reload.fixtures.harness.Fixtures;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A fixture program run by {@link CallLoop} with the real agent jar, watching only its live class directory:
 * a test installs a compiled version there as a build would, waits for the agent's report line, then calls the
 * program's static methods and reads what they printed.
 */
final class StructuralChild implements AutoCloseable {
    /** A report line that ends a batch: applied, refused or failed. */
    static final String OUTCOME = "^\\[reload\\] (\\d+ class(es)? in \\d+ ms: |refused, |failed, )";

    private final ChildJvm child;
    private final Path jdk;
    private final Path work;
    private final Path live;
    private final String fixtureCase;
    private final CompilerKind compiler;

    private StructuralChild(ChildJvm child, Path jdk, Path work, Path live, String fixtureCase,
            CompilerKind compiler) {
        this.child = child;
        this.jdk = jdk;
        this.work = work;
        this.live = live;
        this.fixtureCase = fixtureCase;
        this.compiler = compiler;
    }

    /** Compiles version {@code v1} of the case into a live directory and starts its main class under the agent. */
    static StructuralChild start(Path jdk, Path work, String fixtureCase, String mainClass) {
        return start(jdk, CompilerKind.JAVAC, work, fixtureCase, mainClass);
    }

    /**
     * Compiles version {@code v1} of the case with {@code compiler} into a live directory and starts its main class
     * under the agent; later versions are compiled with the same compiler.
     */
    static StructuralChild start(Path jdk, CompilerKind compiler, Path work, String fixtureCase, String mainClass) {
        Assumptions.assumeTrue(compiler.unavailableBecause().isEmpty(), () -> compiler.unavailableBecause().get());
        return start(jdk, compiler, work, Fixtures.sources(fixtureCase, "v1"), fixtureCase, mainClass, "");
    }

    /** Compiles the sources with javac into a live directory and starts the main class under the agent. */
    static StructuralChild start(Path jdk, Path work, Path sources, String fixtureCase, String mainClass) {
        return start(jdk, CompilerKind.JAVAC, work, sources, fixtureCase, mainClass, "");
    }

    /** As {@link #start(Path, Path, String, String)}, with more agent options ({@code key=value,...}) first. */
    static StructuralChild start(Path jdk, Path work, String fixtureCase, String mainClass, String options) {
        return start(jdk, CompilerKind.JAVAC, work, Fixtures.sources(fixtureCase, "v1"), fixtureCase, mainClass,
                options);
    }

    /** As {@link #start(Path, Path, Path, String, String)}, with more options for the child JVM. */
    static StructuralChild start(Path jdk, Path work, Path sources, String fixtureCase, String mainClass,
            List<String> jvmOptions) {
        Path live = work.resolve("live");
        // A quiet period long enough that the files of one version always arrive as one batch.
        ChildJvm.Builder builder = ChildJvm.on(jdk).reloadAgent("log=debug,quiet=100,watch=" + live);
        jvmOptions.forEach(builder::jvmOption);
        return launch(builder, jdk, CompilerKind.JAVAC, work, sources, fixtureCase, mainClass,
                WatchingChild.WATCHING);
    }

    /**
     * Compiles the sources with javac into a live directory and starts the main class under the reference agent
     * only, which watches nothing: {@link #redefineBare} then redefines its classes, the floor of a run of saves.
     */
    static StructuralChild startBare(Path jdk, Path work, Path sources, String mainClass, List<String> jvmOptions) {
        ChildJvm.Builder builder = ChildJvm.on(jdk);
        try {
            builder.agent(ReferenceAgentJar.create(work), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jvmOptions.forEach(builder::jvmOption);
        return launch(builder, jdk, CompilerKind.JAVAC, work, sources, "bare", mainClass, null);
    }

    private static StructuralChild start(Path jdk, CompilerKind compiler, Path work, Path sources,
            String fixtureCase, String mainClass, String options) {
        // A quiet period long enough that the files of one version always arrive as one batch.
        ChildJvm.Builder builder = ChildJvm.on(jdk).reloadAgent(options + (options.isEmpty() ? "" : ",")
                + "log=debug,quiet=100,watch=" + work.resolve("live"));
        return launch(builder, jdk, compiler, work, sources, fixtureCase, mainClass, WatchingChild.WATCHING);
    }

    /** Compiles the sources into the live directory, starts the child, waits for its agent's line when given one. */
    private static StructuralChild launch(ChildJvm.Builder builder, Path jdk, CompilerKind compiler, Path work,
            Path sources, String fixtureCase, String mainClass, String agentStarted) {
        Path live = work.resolve("live");
        compiler.compile(sources, live);
        ChildJvm child = builder.classPath(live, ownClasses())
                .classPath(compiler.runtimeClassPath().toArray(Path[]::new))
                .main(CallLoop.class.getName(), mainClass).start();
        try {
            if (agentStarted != null) {
                child.awaitStderr(agentStarted);
            }
            child.awaitStdout("^ready$");
        } catch (RuntimeException | Error e) {
            child.close();
            throw e;
        }
        return new StructuralChild(child, jdk, work, live, fixtureCase, compiler);
    }

    /** {@return the lines the static method printed} */
    List<String> call(String method) {
        return run("call " + method);
    }

    /**
     * {@return how many classes whose name contains {@code text} the program has loaded, after collecting garbage},
     * as the JDK's {@code jcmd PID VM.class_hierarchy} lists them (hidden classes included)
     */
    int loadedClasses(String text) {
        run("gc");
        return (int) jcmd("VM.class_hierarchy").stream().filter(line -> line.contains(text)).count();
    }

    private List<String> jcmd(String... command) {
        try {
            List<String> line = new ArrayList<>(List.of(jdk.resolve("bin").resolve("jcmd").toString(),
                    Long.toString(child.pid())));
            line.addAll(List.of(command));
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
            List<String> lines = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines().toList();
            if (jcmd.waitFor() != 0) {
                throw new IllegalStateException("jcmd failed: " + String.join("\n", lines));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking jcmd " + String.join(" ", command), e);
        }
    }

    /** {@return what the program's metaspace holds, after collecting garbage} */
    MetaspaceUse metaspace() {
        run("gc");
        return MetaspaceUse.parse(String.join("\n", jcmd("VM.metaspace", "show-loaders")));
    }

    private List<String> run(String command) {
        int mark = child.stdoutMark();
        child.send(command);
        child.awaitStdoutAfter(mark, "^done: " + Pattern.quote(command) + "$");
        List<String> printed = new ArrayList<>();
        List<String> stdout = child.stdout();
        for (String line : stdout.subList(mark, stdout.size())) {
            if (line.equals("done: " + command)) {
                break;
            }
            printed.add(line);
        }
        return printed;
    }

    /**
     * Compiles a version of the case, writes its class files over the live ones as one burst of renames (every
     * version one batch, however loaded the machine), and {@return the outcome line}
     */
    String install(String version) {
        return install(Fixtures.sources(fixtureCase, version), version);
    }

    /** Compiles sources into {@code work/name}, writes the class files over the live ones, {@return the outcome line} */
    String install(Path sources, String name) {
        Path compiled = work.resolve(name);
        compiler.compile(sources, compiled);
        int mark = child.stderrMark();
        FixtureClasses.installAtomically(compiled, live);
        return child.awaitStderrAfter(mark, OUTCOME);
    }

    /**
     * Compiles sources into {@code work/name} and, in a child started by {@link #startBare}, redefines its classes
     * with the class files as compiled, by a bare {@code redefineClasses}; {@return the lines printed}: {@code
     * redefined N}, or {@code threw: ...} when the JVM refused
     */
    List<String> redefineBare(Path sources, String name) {
        Path compiled = work.resolve(name);
        compiler.compile(sources, compiled);
        return run("redefine " + compiled);
    }

    /**
     * Compiles a version of the case, deletes the live class files it no longer has, writes its class files over
     * the live ones as {@link #install(String)} does, and {@return the outcome line}
     */
    String installReplacing(String version) {
        Path compiled = work.resolve(version);
        compiler.compile(Fixtures.sources(fixtureCase, version), compiled);
        int mark = child.stderrMark();
        FixtureClasses.replaceAtomically(compiled, live);
        return child.awaitStderrAfter(mark, OUTCOME);
    }

    /**
     * {@return the first line of standard error that contains {@code text}}, waiting for it: the reasons of a
     * refusal follow its outcome line
     */
    String awaitStderrContaining(String text) {
        return child.awaitStderr(Pattern.quote(text));
    }

    /** Waits for a line of standard output matching the regular expression, {@return it} */
    String awaitStdout(String regex) {
        return child.awaitStdout(regex);
    }

    /** {@return whether the child printed the line to standard output so far} */
    boolean printed(String line) {
        return child.stdout().contains(line);
    }

    /** Waits for a report line matching the regular expression, {@return it} */
    String awaitStderr(String regex) {
        return child.awaitStderr(regex);
    }

    /**
     * Waits until the JIT has compiled a method at tier 4 (C2), as {@code jcmd Compiler.codelist} lists the code
     * cache: an on-stack replacement of a loop counts. Fails when it is not compiled after some hundred tries.
     *
     * @param method the method's binary class name, a dot and its name, such as {@code a.b.Main.loop}
     */
    void awaitCompiledByC2(String method) {
        for (int attempt = 0; attempt < 300; attempt++) {
            boolean compiled = jcmd("Compiler.codelist").stream().map(line -> line.split(" "))
                    .anyMatch(words -> words.length > 3 && words[1].equals("4") && words[3].startsWith(method + "("));
            if (compiled) {
                return;
            }
            pause();
        }
        throw new AssertionError("C2 never compiled " + method + "\n" + transcript());
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the JIT", e);
        }
    }

    String transcript() {
        return child.transcript();
    }

    @Override
    public void close() {
        child.close();
    }

    private static Path ownClasses() {
        try {
            return Path.of(CallLoop.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
