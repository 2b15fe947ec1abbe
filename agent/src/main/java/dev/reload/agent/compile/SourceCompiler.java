package dev.reload.agent.compile;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compiles changed Java sources in this program with {@code javax.tools}, into memory. Sources see each other,
 * the program's class path, and, through the source path, the latest text of every source that is newer than
 * its class file (edited and compiled here before, but not rebuilt). One file manager is kept across compiles,
 * so javac reads the JDK's own classes once. Used by the reload thread only.
 */
public final class SourceCompiler {
    /**
     * Debug information as IDEs and Maven write it (so a recompiled class differs from the build's only where the
     * source does), no annotation processing (processors on the class path must not run inside the game), and no
     * class files for sources javac only reads.
     */
    private static final List<String> OPTIONS = List.of("-g", "-proc:none", "-implicit:none", "-encoding", "UTF-8",
            "-nowarn", "-Xlint:none");

    private final JavaCompiler javac;
    private final StandardJavaFileManager files;
    private final List<Path> sourceRoots;
    /** The class path javac was last given; null before the first compile. */
    private List<Path> classPath;

    private SourceCompiler(JavaCompiler javac, List<Path> sourceRoots) {
        this.javac = javac;
        this.files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        this.sourceRoots = List.copyOf(sourceRoots);
    }

    /**
     * {@return a compiler for sources below {@code sourceRoots}}
     *
     * @param sourceRoots the {@code src=} directories, absolute, never null
     * @throws IllegalStateException when this Java runtime has no compiler; check {@link CompilerAvailability} first
     */
    public static SourceCompiler create(List<Path> sourceRoots) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException(CompilerAvailability.problem().orElse("no Java compiler here"));
        }
        return new SourceCompiler(javac, sourceRoots);
    }

    /**
     * {@return the class files of {@code sources}, or every error; never throws for bad sources}
     *
     * @param sources the changed source files, never null or empty
     * @param classPath what the sources compile against: the program's class path and watched class directories,
     *     never null
     */
    public CompileResult compile(List<Path> sources, List<Path> classPath) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        MemoryClassOutput output = new MemoryClassOutput(files);
        try {
            useClassPath(classPath);
            boolean ok = javac.getTask(null, output, diagnostics, OPTIONS, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            List<CompileError> errors = errors(diagnostics);
            if (!ok || !errors.isEmpty()) {
                return new CompileResult.Failed(errors.isEmpty()
                        ? List.of(new CompileError("javac", 0, "compilation failed without a message")) : errors);
            }
            return new CompileResult.Compiled(output.classes());
        } catch (IOException | RuntimeException e) {
            // javac's own failures (a class path entry it cannot read, an internal error) come as unchecked exceptions.
            return new CompileResult.Failed(List.of(new CompileError("javac", 0, "could not compile (" + e + ")")));
        }
    }

    /**
     * Compiles a small class once, so that the first real change does not pay for loading javac and reading the
     * JDK's class index (about a second).
     */
    public void warmUp(List<Path> classPath) throws IOException {
        useClassPath(classPath);
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///ReloadWarmUp.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return "class ReloadWarmUp { String f(java.util.List<String> l) { return l.isEmpty() ? \"\" : l.get(0)"
                        + " + l.size(); } Runnable r = () -> f(java.util.List.of()); }";
            }
        };
        javac.getTask(null, new MemoryClassOutput(files), new DiagnosticCollector<>(), OPTIONS, null, List.of(source))
                .call();
    }

    private void useClassPath(List<Path> entries) throws IOException {
        if (classPath == null) {
            files.setLocationFromPaths(StandardLocation.SOURCE_PATH, sourceRoots);
        }
        if (!entries.equals(classPath)) {
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, entries);
            classPath = List.copyOf(entries);
        }
    }

    private static List<CompileError> errors(DiagnosticCollector<JavaFileObject> diagnostics) {
        List<CompileError> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                String file = diagnostic.getSource() == null ? "javac" : displayName(diagnostic.getSource());
                errors.add(new CompileError(file, Math.max(0, diagnostic.getLineNumber()),
                        oneLine(diagnostic.getMessage(Locale.getDefault()))));
            }
        }
        return errors;
    }

    private static String displayName(JavaFileObject source) {
        try {
            Path file = Path.of(source.toUri()).toAbsolutePath().normalize();
            Path workingDirectory = Path.of("").toAbsolutePath();
            return file.startsWith(workingDirectory) ? workingDirectory.relativize(file).toString() : file.toString();
        } catch (RuntimeException e) {
            return source.getName(); // not a file (the warm-up's source)
        }
    }

    /** javac puts details ("symbol: ...", "location: ...") on lines of their own: one report line holds them all. */
    static String oneLine(String message) {
        String[] lines = message.strip().split("\\R", -1);
        if (lines.length == 1) {
            return lines[0];
        }
        List<String> details = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String detail = lines[i].strip().replaceAll("\\s+", " ");
            if (!detail.isEmpty()) {
                details.add(detail);
            }
        }
        return lines[0] + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
    }
}
