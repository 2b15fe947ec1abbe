package dev.reload.agent.reload;

import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.agent.watch.ClassLookup;
import dev.reload.agent.watch.Declarations;
import dev.reload.patcher.rewrite.ClassFileReferences;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.MemberKey;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Finds a class as the class of a changed file would link it: the shape the agent keeps of a class loaded from a
 * watched directory, with the members reloads added to it, which calls reach through the runtime, else the class
 * file that the file's class loader would load (a class not loaded yet, read from
 * its directory each time; a library's or the JDK's, read once, since no build rewrites a jar). A file whose class is
 * not loaded yet is looked at from the system class loader. Thread-safe: the collector's consumer thread and its batch
 * helpers ask it.
 */
public final class RunningClassLookup implements ClassLookup {
    private final LoadedClassIndex index;
    private final BiFunction<ClassLoader, String, Set<MemberKey>> addedByReloads;
    /** Per loader, the classes of jars and of the JDK read so far; loaders held weakly. */
    private final Map<ClassLoader, Map<String, Declarations>> libraries = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * @param index the classes loaded from watched directories, never null
     * @param addedByReloads the members applied reloads added to a loaded class, by its loader and internal name;
     *                       never null
     */
    public RunningClassLookup(LoadedClassIndex index, BiFunction<ClassLoader, String, Set<MemberKey>> addedByReloads) {
        this.index = index;
        this.addedByReloads = addedByReloads;
    }

    @Override
    public Declarations find(Path file, String referencing, String internalName) {
        try {
            ClassLoader loader = loaderOf(file, referencing);
            ClassShape running = index.runningShape(loader, internalName);
            if (running != null) {
                Declarations declared = Declarations.of(running);
                Set<MemberKey> added = addedByReloads.apply(loader, internalName);
                return added.isEmpty() ? declared : new Declarations(declared.superName(), declared.interfaces(),
                        new Predicate<>() {
                            // Not a lambda: a burst's reading runs this, and a lambda spins a class for good.
                            @Override
                            public boolean test(MemberKey member) {
                                return added.contains(member) || declared.declares(member);
                            }
                        });
            }
            Map<String, Declarations> read = libraries.get(loader);
            if (read == null) {
                read = new ConcurrentHashMap<>();
                Map<String, Declarations> before = libraries.putIfAbsent(loader, read);
                read = before != null ? before : read;
            }
            Declarations library = read.get(internalName);
            return library != null ? library : classFile(loader, internalName, read);
        } catch (IOException | RuntimeException e) {
            // An unreadable resource or a class loader that throws: the reference cannot be told met, so it waits.
            return null;
        }
    }

    private Declarations classFile(ClassLoader loader, String internalName, Map<String, Declarations> libraryCache)
            throws IOException {
        URL resource = loader.getResource(internalName + ".class");
        if (resource == null) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = resource.openStream()) {
            bytes = in.readAllBytes();
        }
        ClassFileReferences classFile = ClassFileReferences.ofWhole(bytes);
        if (classFile == null) {
            return null; // being written, or no class file
        }
        Declarations declarations = Declarations.of(classFile);
        if (!resource.getProtocol().equals("file")) {
            libraryCache.put(internalName, declarations);
        }
        return declarations;
    }

    private ClassLoader loaderOf(Path file, String referencing) {
        ClassLoader loader = index.loaderOf(file, referencing);
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }
}
