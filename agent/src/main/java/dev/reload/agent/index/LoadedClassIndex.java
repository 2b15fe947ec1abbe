package dev.reload.agent.index;

import dev.reload.agent.watch.ClassFiles;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Every class loaded from a watched directory, per class loader and internal name. Class loaders are held
 * weakly: once a loader is collected its classes are forgotten. The same class name in two loaders is two
 * entries. Thread-safe: class loading threads add, the reload thread reads.
 */
public final class LoadedClassIndex {
    private final Map<ClassLoader, CapturedClasses> byLoader = Collections.synchronizedMap(new WeakHashMap<>());
    private final AtomicLong filed = new AtomicLong();
    /**
     * Per loader, the class files that a class of another name continues ({@code Outer$2.class} → {@code Outer$1}),
     * since anonymous classes were renumbered; empty for almost every loader.
     */
    private final Map<ClassLoader, Map<Path, String>> renamedFiles = Collections.synchronizedMap(new WeakHashMap<>());
    /**
     * How many names of its path made the internal name of the class {@link #hashAtLoad} found last: the classes of a
     * program, and so the files of a burst, mostly lie as deep below their directory, so that is tried first.
     */
    private volatile int lastNameCount = 1;
    /** Until the reload sets its own: none, so no shape is named from the JVM at a class's load. */
    private volatile RunningClassFileSource runningClassFiles = new RunningClassFileSource() {
        // Not a lambda: premain makes the index, and a lambda spins a class that every redefinition walks.
        @Override
        public byte[] runningClassFile(Class<?> type) {
            return null;
        }
    };

    /**
     * Adds (or replaces) what is known about a class in a loader.
     *
     * @param loader the defining loader, never null (the boot loader's classes are never watched)
     * @param captured the class, never null
     */
    public void put(ClassLoader loader, CapturedClass captured) {
        classesOf(loader).put(captured);
        filed.incrementAndGet();
    }

    /**
     * {@return how many times a class was filed so far}: a larger count later says that a class loaded in between,
     * which what was found in the index before may lack
     */
    public long filedCount() {
        return filed.get();
    }

    /** {@return the class of that name captured in that loader, or null} */
    public CapturedClass get(ClassLoader loader, String internalName) {
        CapturedClasses classes = byLoader.get(loader);
        return classes == null ? null : classes.get(internalName);
    }

    /**
     * {@return the shape of the class of that name as it runs, defined by {@code loader} or the nearest of its
     * ancestors that has one; null when none is tracked, or its class file cannot be read}
     *
     * @param loader the loader the name is seen from, or null for the boot loader (whose classes are never tracked)
     * @param internalName the class's internal name, never null
     */
    public ClassShape runningShape(ClassLoader loader, String internalName) {
        CapturedClass captured = seenFrom(loader, internalName);
        try {
            return captured == null ? null : captured.shape();
        } catch (UnreadableClassException e) {
            return null;
        }
    }

    /** {@return the class of that name defined by {@code loader} or the nearest of its ancestors that has one} */
    private CapturedClass seenFrom(ClassLoader loader, String internalName) {
        for (ClassLoader each = loader; each != null; each = each.getParent()) {
            CapturedClass captured = get(each, internalName);
            if (captured != null) {
                return captured;
            }
        }
        return null;
    }

    /**
     * {@return the shape of the class of that name as it runs, as {@link #runningShape}, with its members' names
     * ({@link #shapeWithMemberNames}) where they can be had, else without them (asking it for a member's name then
     * throws, which the batch, or the preparation of a loading class, reports, rather than the class being taken for
     * one the agent does not track); null when none is tracked or its class file cannot be read}
     *
     * @param loader the loader the name is seen from, or null for the boot loader (whose classes are never tracked)
     * @param internalName the class's internal name, never null
     */
    public ClassShape runningShapeWithMemberNames(ClassLoader loader, String internalName) {
        CapturedClass captured = seenFrom(loader, internalName);
        if (captured == null) {
            return null;
        }
        try {
            ClassShape named = shapeWithMemberNames(captured, null);
            return named != null ? named : captured.shape();
        } catch (UnreadableClassException e) {
            return null;
        }
    }

    /**
     * {@return the shape of the class file a class runs, with its members' names: from {@code source}, else from its
     * class file on disk when that declares every member, else from the class file the JVM rebuilds of it where the
     * agent may ask for one now ({@link #recoverClassFilesWith}); null when none names every member}
     *
     * @param captured a class of the index, never null
     * @param source a shape that keeps its member names, such as the class's new version; null for none
     * @throws UnreadableClassException when the patcher cannot read what the class runs
     */
    public ClassShape shapeWithMemberNames(CapturedClass captured, ClassShape source) throws UnreadableClassException {
        ClassShape named = captured.shapeWithMemberNames(source);
        if (named != null) {
            return named;
        }
        Class<?> type = captured.type();
        byte[] running = type == null ? null : runningClassFiles.runningClassFile(type);
        return running == null ? null : captured.shapeNamedBy(running);
    }

    /**
     * Sets where {@link #shapeWithMemberNames} gets the class file the JVM runs, when nothing else names a class's
     * members.
     *
     * @param source the reload's retransformation, never null
     */
    public void recoverClassFilesWith(RunningClassFileSource source) {
        runningClassFiles = Objects.requireNonNull(source, "source");
    }

    /** The class file the JVM runs for a loaded class, where the agent may have it rebuilt now. */
    @FunctionalInterface
    public interface RunningClassFileSource {
        /**
         * {@return the class file the JVM runs for {@code type}; null when it cannot be had now (not on the reload
         * thread, or inside a redefinition)}
         *
         * @param type a loaded class, never null
         */
        byte[] runningClassFile(Class<?> type);
    }

    /**
     * {@return every loaded class with this internal name whose class file is {@code file}, in every loader}
     * Classes whose {@link Class} object is not known yet are resolved through {@code instrumentation};
     * a class captured while it loaded but never defined (its loading failed) is left out.
     */
    public List<LoadedClass> loadedFrom(Path file, String internalName, Instrumentation instrumentation) {
        // Found under the table's lock, with a few map lookups and no copy of the table: every file of a batch asks.
        // Resolving a class may call into the JVM, so it waits until the lock is released.
        List<Found> matches = new ArrayList<>(1);
        synchronized (byLoader) {
            for (Map.Entry<ClassLoader, CapturedClasses> entry : byLoader.entrySet()) {
                CapturedClass captured = capturedFrom(entry.getKey(), entry.getValue(), file, internalName);
                if (captured != null) {
                    matches.add(new Found(entry.getKey(), entry.getValue(), captured));
                }
            }
        }
        List<LoadedClass> found = new ArrayList<>(matches.size());
        for (Found match : matches) {
            LoadedClass loaded = resolved(match.loader(), match.classes(), match.captured(), instrumentation);
            if (loaded != null) {
                found.add(loaded);
            }
        }
        return found;
    }

    /**
     * {@return the {@link dev.reload.agent.watch.ContentHash} the file had when a class loaded from it, once that class
     * is compacted; null when none is known} Tries each name the file's path could give ({@code Player},
     * {@code demo/Player}, ...), in every loader, as deep as the last class found first: a few map lookups, and no path
     * or entry kept per class. A file that a class of another name continues was remembered by the reload that renamed
     * it.
     *
     * @param file a class file, never null
     */
    public Long hashAtLoad(Path file) {
        CapturedClass captured = capturedFrom(file);
        return captured == null ? null : captured.fileHashAtLoad();
    }

    /**
     * {@return the binary name ({@code demo.Player}) of a class loaded from the file, or null when none is known}: for
     * a class file that was deleted, which the agent can only name.
     *
     * @param file a class file, never null
     */
    public String classNameOf(Path file) {
        CapturedClass captured = capturedFrom(file);
        return captured == null ? null : captured.internalName().replace('/', '.');
    }

    /** {@return a class captured from the file, by each name its path could give; null when none is} */
    private CapturedClass capturedFrom(Path file) {
        if (!ClassFiles.isClassFile(file)) {
            return null;
        }
        int names = file.getNameCount();
        int guess = lastNameCount;
        CapturedClass captured = guess <= names ? capturedFrom(file, names, guess) : null;
        for (int count = 1; captured == null && count <= names; count++) {
            if (count != guess) {
                captured = capturedFrom(file, names, count);
                if (captured != null) {
                    lastNameCount = count;
                }
            }
        }
        return captured;
    }

    /** {@return the class whose internal name is the last {@code count} of the file's {@code names}, if from it} */
    private CapturedClass capturedFrom(Path file, int names, int count) {
        String relative = file.subpath(names - count, names).toString();
        String internalName = relative.substring(0, relative.length() - ClassFiles.SUFFIX.length());
        String separator = file.getFileSystem().getSeparator();
        if (!separator.equals("/")) {
            internalName = internalName.replace(separator, "/");
        }
        synchronized (byLoader) {
            for (CapturedClasses classes : byLoader.values()) {
                CapturedClass captured = classes.get(internalName);
                if (captured != null && captured.isFile(file)) {
                    return captured;
                }
            }
            return null;
        }
    }

    /** A class of a loader's classes that a file is the class file of, not resolved yet. */
    private record Found(ClassLoader loader, CapturedClasses classes, CapturedClass captured) {
    }

    /**
     * {@return the loader of a class captured with this internal name from {@code file}, or null when none is}: the
     * loader a new version of the file links through, also when the class's loading failed. Unlike
     * {@link #loadedFrom}, resolves no class, since it runs for every class a file being read names.
     */
    public ClassLoader loaderOf(Path file, String internalName) {
        synchronized (byLoader) {
            for (Map.Entry<ClassLoader, CapturedClasses> entry : byLoader.entrySet()) {
                if (capturedFrom(entry.getKey(), entry.getValue(), file, internalName) != null) {
                    return entry.getKey();
                }
            }
            return null;
        }
    }

    /**
     * {@return the class of {@code classes}, a loader's, that {@code file} is the class file of, by that internal name
     * or by the name of the class the file continues; null when none is}
     */
    private CapturedClass capturedFrom(ClassLoader loader, CapturedClasses classes, Path file,
                                       String internalName) {
        String continuing = renamedFiles.isEmpty() ? internalName
                : renamedFilesOf(loader).getOrDefault(file, internalName);
        CapturedClass captured = classes.get(continuing);
        return captured != null && file.equals(captured.file()) ? captured : null;
    }

    /**
     * {@return the class of that name loaded in that loader, whatever file continues it, or null when there is
     * none (or its loading failed)}
     */
    public LoadedClass loaded(ClassLoader loader, String internalName, Instrumentation instrumentation) {
        CapturedClasses classes = byLoader.get(loader);
        CapturedClass captured = classes == null ? null : classes.get(internalName);
        return captured == null ? null : resolved(loader, classes, captured, instrumentation);
    }

    /**
     * {@return the loaded class that {@code captured} describes, in whichever loader captured it; null when its loader
     * is gone or its loading failed}
     */
    public LoadedClass loaded(CapturedClass captured, Instrumentation instrumentation) {
        String name = captured.internalName(); // made from the shape once the class is compacted: once, not per loader
        for (Map.Entry<ClassLoader, CapturedClasses> entry : loaders().entrySet()) {
            if (entry.getValue().get(name) == captured) {
                return resolved(entry.getKey(), entry.getValue(), captured, instrumentation);
            }
        }
        return null;
    }

    /**
     * Records which class file continues a class of a loader from now on, after anonymous classes were renumbered:
     * the next version of that file is judged against, and redefines, this class.
     *
     * @param loader the class's defining loader, never null
     * @param internalName the class's internal name, never null; nothing happens when the loader has no such class
     * @param file the file that continues it, or null when none does any more (its code left the source)
     */
    public void continues(ClassLoader loader, String internalName, Path file) {
        CapturedClass captured = get(loader, internalName);
        if (captured == null) {
            return;
        }
        captured.continuedBy(file);
        if (file == null) {
            return;
        }
        String fileName = file.getFileName().toString();
        boolean ownFile = fileName.equals(simpleName(internalName) + ClassFiles.SUFFIX);
        synchronized (renamedFiles) {
            Map<Path, String> renamed = renamedFiles.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
            if (ownFile) {
                renamed.remove(file);
            } else {
                renamed.put(file, internalName);
            }
        }
    }

    /**
     * {@return the internal names of the classes captured in a loader that {@code accepts}}: a scan of the loader's
     * classes, for the rare batch that needs it
     *
     * @param loader the defining loader, never null
     * @param accepts the test of an internal name, never null
     */
    public List<String> namesIn(ClassLoader loader, Predicate<String> accepts) {
        CapturedClasses classes = byLoader.get(loader);
        if (classes == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (CapturedClass captured : classes.all()) {
            String name = captured.internalName();
            if (accepts.test(name)) {
                names.add(name);
            }
        }
        Collections.sort(names);
        return names;
    }

    /** {@return true when a class of some loader continues a class file of another name} */
    public boolean hasRenamedFiles() {
        synchronized (renamedFiles) {
            // A loop, not a stream: every save asks, and its lambda would spin a class every later redefinition walks.
            for (Map<Path, String> renamed : renamedFiles.values()) {
                if (!renamed.isEmpty()) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * {@return the class files that the classes of this internal name were loaded from, over every live loader;
     * empty when no such class is loaded}
     */
    public Set<Path> filesOf(String internalName) {
        Set<Path> files = new LinkedHashSet<>();
        // Under the table's lock, as loadedFrom: a map lookup per loader and no copy of the table, for every file.
        synchronized (byLoader) {
            for (CapturedClasses classes : byLoader.values()) {
                CapturedClass captured = classes.get(internalName);
                Path file = captured == null ? null : captured.file();
                if (file != null) {
                    // The file of this name, also when another file continues the class (renumbered anonymous classes).
                    files.add(file.resolveSibling(simpleName(internalName) + ClassFiles.SUFFIX));
                }
            }
        }
        return files;
    }

    /**
     * {@return the loaded classes, in every loader, whose running shape declares a field with one of the names}
     * Tests each class's shape by name, reading no class file; a class whose file cannot be read is left out.
     *
     * @param fieldNames field names, never null
     * @param instrumentation resolves the classes whose {@link Class} object is not known yet, never null
     */
    public List<LoadedClass> declaringAnyField(Set<String> fieldNames, Instrumentation instrumentation) {
        List<LoadedClass> found = new ArrayList<>();
        for (Map.Entry<ClassLoader, CapturedClasses> entry : loaders().entrySet()) {
            for (CapturedClass captured : entry.getValue().all()) {
                if (declaresAny(captured, fieldNames)) {
                    LoadedClass loaded = resolved(entry.getKey(), entry.getValue(), captured, instrumentation);
                    if (loaded != null) {
                        found.add(loaded);
                    }
                }
            }
        }
        return found;
    }

    /** {@return how many classes are tracked, over every live loader} */
    public int size() {
        int size = 0;
        for (CapturedClasses classes : loaders().values()) {
            size += classes.size();
        }
        return size;
    }

    /** Records the class object of a class captured from its file after it was loaded (attach). */
    public void putLoaded(Class<?> type, CapturedClass captured) {
        captured.resolve(type);
        put(type.getClassLoader(), captured);
    }

    private CapturedClasses classesOf(ClassLoader loader) {
        synchronized (byLoader) {
            // No lambda: this runs on the first class a program loads, where linking one would load dozens of classes.
            CapturedClasses classes = byLoader.get(loader);
            if (classes == null) {
                classes = new CapturedClasses();
                byLoader.put(loader, classes);
            }
            return classes;
        }
    }

    private Map<ClassLoader, CapturedClasses> loaders() {
        synchronized (byLoader) {
            return new HashMap<>(byLoader);
        }
    }

    private Map<Path, String> renamedFilesOf(ClassLoader loader) {
        Map<Path, String> renamed = renamedFiles.get(loader);
        return renamed == null ? Map.of() : renamed;
    }

    private static LoadedClass resolved(ClassLoader loader, CapturedClasses classes, CapturedClass captured,
                                        Instrumentation instrumentation) {
        if (captured.type() == null) {
            resolveAll(loader, classes, instrumentation);
        }
        Class<?> type = captured.type();
        return type == null ? null : new LoadedClass(type, captured);
    }

    private static boolean declaresAny(CapturedClass captured, Set<String> fieldNames) {
        try {
            ClassShape shape = captured.shape();
            return fieldNames.stream().anyMatch(name -> shape.field(name).isPresent());
        } catch (UnreadableClassException e) {
            return false;
        }
    }

    private static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }

    private static void resolveAll(ClassLoader loader, CapturedClasses classes, Instrumentation instrumentation) {
        // One JVM call finds every class this loader has defined, so later lookups in it cost nothing.
        for (Class<?> type : instrumentation.getInitiatedClasses(loader)) {
            if (type.getClassLoader() == loader && !type.isArray()) {
                CapturedClass captured = classes.get(type.getName().replace('.', '/'));
                if (captured != null && captured.type() == null) {
                    captured.resolve(type);
                }
            }
        }
    }
}
