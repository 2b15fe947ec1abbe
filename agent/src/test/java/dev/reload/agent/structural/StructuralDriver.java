package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.LoadTimeAugmenter;
import dev.reload.patcher.rewrite.UnsupportedEditException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A test program that drives the structural engine as the reload loop will, without the watcher: as an agent
 * it prepares {@code fixture/} classes when they load and remembers the bytes they run; as the main program it
 * reads commands from standard input: {@code call NAME} runs a static method of the fixture's main class,
 * {@code reload DIR} applies every class file under DIR whose class is loaded, as one batch; {@code count TEXT}
 * collects garbage and prints how many loaded classes have TEXT in their name. Each command ends with a line
 * {@code done: COMMAND}.
 */
public final class StructuralDriver {
    private static final Map<String, byte[]> RUNNING = new ConcurrentHashMap<>();
    private static volatile Instrumentation instrumentation;
    private static volatile StructuralEngine engine;

    private StructuralDriver() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        StructuralDriver.instrumentation = instrumentation;
        engine = new StructuralEngine(instrumentation);
        instrumentation.addTransformer(new Preparing());
    }

    public static void main(String[] args) throws IOException, ReflectiveOperationException {
        Class<?> main = Class.forName(args[0]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("driver ready");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("call ")) {
                call(main, line.substring(5));
            } else if (line.startsWith("reload ")) {
                reload(Path.of(line.substring(7)), main.getClassLoader());
            } else if (line.startsWith("count ")) {
                count(line.substring(6));
            }
            System.out.println("done: " + line);
        }
    }

    private static void call(Class<?> main, String method) throws ReflectiveOperationException {
        try {
            main.getMethod(method).invoke(null);
        } catch (InvocationTargetException e) {
            System.out.println("threw: " + e.getCause());
        }
    }

    private static void reload(Path directory, ClassLoader loader) throws IOException {
        List<ClassEdit> edits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = directory.relativize(file).toString().replace('\\', '/').replace(".class", "");
                Class<?> loaded = loadedClass(name.replace('/', '.'), loader);
                if (loaded != null && RUNNING.containsKey(name)) {
                    edits.add(new ClassEdit(loaded, RUNNING.get(name), Files.readAllBytes(file)));
                }
            }
        }
        try {
            List<PreparedRewrite> prepared = engine.prepare(edits);
            instrumentation.redefineClasses(prepared.stream().map(PreparedRewrite::definition)
                    .toArray(ClassDefinition[]::new));
            engine.applied(prepared);
            for (PreparedRewrite rewrite : prepared) {
                RUNNING.put(rewrite.rewrite().internalName(), rewrite.rewrite().target());
            }
            System.out.println("reloaded " + prepared.size());
        } catch (UnsupportedEditException | StructuralLinkException e) {
            System.out.println("refused: " + e.getMessage());
        } catch (ClassNotFoundException | UnmodifiableClassException | UnsupportedOperationException | LinkageError e) {
            System.out.println("redefinition failed: " + e);
        }
    }

    private static void count(String text) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long count = Stream.of(instrumentation.getAllLoadedClasses()).filter(c -> c.getName().contains(text)).count();
        System.out.println("count " + count);
    }

    private static Class<?> loadedClass(String binaryName, ClassLoader loader) {
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (loaded.getName().equals(binaryName) && loaded.getClassLoader() == loader) {
                return loaded;
            }
        }
        return null;
    }

    /** Prepares fixture classes as they load, as the agent's load-time transformer does. */
    private static final class Preparing implements ClassFileTransformer {
        @Override
        public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                                ProtectionDomain protectionDomain, byte[] classFile) {
            if (className == null || !className.startsWith("fixture/") || className.contains("$$Reload")
                    || classBeingRedefined != null) {
                return null;
            }
            try {
                byte[] linked = engine.linkCallsOfLoadingClass(classFile);
                byte[] prepared = LoadTimeAugmenter.augment(linked, LoadTimeAugmenter.DEFAULT_SPARE_NEST_MEMBERS);
                RUNNING.put(className, prepared);
                return prepared == classFile ? null : prepared;
            } catch (RuntimeException e) {
                e.printStackTrace();
                return null;
            }
        }
    }
}
