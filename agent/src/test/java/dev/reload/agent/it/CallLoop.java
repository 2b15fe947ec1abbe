package dev.reload.agent.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fixture program's main for tests that drive it from outside: reads lines {@code call NAME} on standard input,
 * runs the public static method NAME of the class named by the first argument, prints {@code threw: EXCEPTION}
 * when it throws, and ends each command with a line {@code done: COMMAND}; {@code gc} collects garbage, so that
 * unreachable classes are unloaded; {@code redefine DIR} redefines the loaded classes with the changed class files
 * below DIR by a bare {@code redefineClasses} ({@link BareRedefinition}) and prints how many; {@code call
 * CLASS.NAME} runs a method of another class; {@code load-then-write CLASS FROM TO} loads a class without
 * initializing it, then at once writes every class file below FROM over the one of the same name below TO (each
 * renamed into place), so that a class file changes a moment after its class loaded, long before the agent's work
 * that waits for loading to pause. Prints {@code ready} first.
 */
public final class CallLoop {
    private CallLoop() {
    }

    public static void main(String[] args) throws IOException, ReflectiveOperationException {
        Class<?> main = Class.forName(args[0]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("call ")) {
                String name = line.substring("call ".length());
                int dot = name.lastIndexOf('.');
                Class<?> owner = dot < 0 ? main : Class.forName(name.substring(0, dot));
                try {
                    owner.getMethod(name.substring(dot + 1)).invoke(null);
                } catch (InvocationTargetException e) {
                    System.out.println("threw: " + e.getCause());
                }
            } else if (line.startsWith("load-then-write ")) {
                String[] words = line.split(" ");
                Map<Path, byte[]> written = classFiles(Path.of(words[2]), Path.of(words[3]));
                // Loaded, not initialized: nothing runs between the load and the writes.
                Class.forName(words[1], false, CallLoop.class.getClassLoader());
                for (Map.Entry<Path, byte[]> file : written.entrySet()) {
                    writeOver(file.getKey(), file.getValue());
                }
            } else if (line.startsWith("redefine ")) {
                Path compiled = Path.of(line.substring("redefine ".length()));
                try {
                    System.out.println("redefined " + BareRedefinition.redefine(compiled));
                } catch (Exception | LinkageError e) {
                    System.out.println("threw: " + e);
                }
            } else if (line.equals("gc")) {
                for (int i = 0; i < 3; i++) {
                    System.gc();
                }
            }
            System.out.println("done: " + line);
        }
    }

    /** {@return the bytes of every class file below {@code from}, by the file of the same name below {@code to}} */
    private static Map<Path, byte[]> classFiles(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(from)) {
            files = all.filter(file -> file.toString().endsWith(".class")).toList();
        }
        Map<Path, byte[]> classFiles = new LinkedHashMap<>();
        for (Path file : files) {
            classFiles.put(to.resolve(from.relativize(file).toString()), Files.readAllBytes(file));
        }
        return classFiles;
    }

    /** Writes a class file as a build would: renamed into place. */
    private static void writeOver(Path target, byte[] bytes) throws IOException {
        Path written = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(written, bytes);
        Files.move(written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
