package dev.reload.agent.index;

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
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every class loaded from a watched directory, per class loader and internal name. Class loaders are held
 * weakly: once a loader is collected its classes are forgotten. The same class name in two loaders is two
 * entries. Thread-safe: class loading threads add, the reload thread reads.
 */
public final class LoadedClassIndex {
    private final Map<ClassLoader, Map<String, CapturedClass>> byLoader = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Adds (or replaces) what is known about a class in a loader.
     *
     * @param loader the defining loader, never null (the boot loader's classes are never watched)
     * @param captured the class, never null
     */
    public void put(ClassLoader loader, CapturedClass captured) {
        classesOf(loader).put(captured.internalName(), captured);
    }

    /** {@return the class of that name captured in that loader, or null} */
    public CapturedClass get(ClassLoader loader, String internalName) {
        Map<String, CapturedClass> classes = byLoader.get(loader);
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
        for (ClassLoader each = loader; each != null; each = each.getParent()) {
            CapturedClass captured = get(each, internalName);
            if (captured != null) {
                try {
                    return captured.shape();
                } catch (UnreadableClassException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * {@return every loaded class with this internal name whose class file is {@code file}, in every loader}
     * Classes whose {@link Class} object is not known yet are resolved through {@code instrumentation};
     * a class captured while it loaded but never defined (its loading failed) is left out.
     */
    public List<LoadedClass> loadedFrom(java.nio.file.Path file, String internalName, Instrumentation instrumentation) {
        List<LoadedClass> found = new ArrayList<>();
        for (Map.Entry<ClassLoader, Map<String, CapturedClass>> entry : loaders().entrySet()) {
            CapturedClass captured = entry.getValue().get(internalName);
            if (captured == null || !captured.file().equals(file)) {
                continue;
            }
            Class<?> type = captured.type();
            if (type == null) {
                resolveAll(entry.getKey(), entry.getValue(), instrumentation);
                type = captured.type();
            }
            if (type != null) {
                found.add(new LoadedClass(type, captured));
            }
        }
        return found;
    }

    /**
     * {@return the class files that the classes of this internal name were loaded from, over every live loader;
     * empty when no such class is loaded}
     */
    public Set<Path> filesOf(String internalName) {
        Set<Path> files = new LinkedHashSet<>();
        for (Map<String, CapturedClass> classes : loaders().values()) {
            CapturedClass captured = classes.get(internalName);
            if (captured != null) {
                files.add(captured.file());
            }
        }
        return files;
    }

    /** {@return how many classes are tracked, over every live loader} */
    public int size() {
        return loaders().values().stream().mapToInt(Map::size).sum();
    }

    /** Records the class object of a class captured from its file after it was loaded (attach). */
    public void putLoaded(Class<?> type, CapturedClass captured) {
        captured.resolve(type);
        put(type.getClassLoader(), captured);
    }

    private Map<String, CapturedClass> classesOf(ClassLoader loader) {
        synchronized (byLoader) {
            return byLoader.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
        }
    }

    private Map<ClassLoader, Map<String, CapturedClass>> loaders() {
        synchronized (byLoader) {
            return new HashMap<>(byLoader);
        }
    }

    private static void resolveAll(ClassLoader loader, Map<String, CapturedClass> classes, Instrumentation instrumentation) {
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
