package dev.reload.agent.reload;

import dev.reload.agent.index.CaptureTransformer;
import dev.reload.agent.index.CapturedClass;
import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.agent.parallel.BatchSteps;
import dev.reload.patcher.rewrite.ClassReferences;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Deoptimizes the compiled code that may have folded the old value of a {@code static final} field: C1 and C2 take
 * the value of a static final field as a constant when they compile a method reading it (HotSpot's
 * {@code ciField::initialize_from}), and record no dependency on it. A redefinition marks every method of the classes
 * it redefines old, and deoptimizes each compiled method whose code holds an old method, its own or one it inlined
 * ({@code VM_RedefineClasses::flush_dependent_code}, {@code nmethod::has_evol_metadata}). So the class and every
 * watched class that names the field are retransformed, unchanged, after the new value is in place: code compiled
 * from then on reads it. The files are read on the reload thread before the batch applies ({@link #search}); the
 * retransformation follows the new values, on the thread the batch applies on.
 */
final class CompiledReaders {
    private final Instrumentation instrumentation;
    private final LoadedClassIndex index;
    private final CaptureTransformer capture;

    CompiledReaders(Instrumentation instrumentation, LoadedClassIndex index, CaptureTransformer capture) {
        this.instrumentation = instrumentation;
        this.index = index;
        this.capture = capture;
    }

    /**
     * {@return the loaded watched classes whose files name each of the fields, read now}: before a batch applies, so
     * that {@link #readers} reads no file after it
     *
     * @param names field names, never null
     * @param prefixes beginnings of field names, never null
     */
    FieldReaders search(Set<String> names, List<String> prefixes) {
        if (names.isEmpty() && prefixes.isEmpty()) {
            return FieldReaders.NONE;
        }
        Map<String, Set<Class<?>>> readersByName = new HashMap<>();
        Set<Class<?>> unread = new LinkedHashSet<>();
        // Thousands of small files: read on every core, as a build's batch is.
        for (NamedFields each : BatchSteps.map(watchedClasses(), new FieldNameSearch(names, prefixes))) {
            if (each.unread()) {
                unread.add(each.type());
                continue;
            }
            for (String name : each.names()) {
                Set<Class<?>> readers = readersByName.get(name);
                if (readers == null) {
                    readers = new LinkedHashSet<>();
                    readersByName.put(name, readers);
                }
                readers.add(each.type());
            }
        }
        return new FieldReaders(names, prefixes, readersByName, unread);
    }

    /**
     * {@return the classes whose compiled code may hold the old values: the owners, and the loaded watched classes
     * whose files name a member called as one of the fields}, as the search found them; a file is read only for a
     * field it did not look for
     *
     * @param owners the classes whose final fields got new values, never null
     * @param fieldNames the names of those fields, never null
     * @param found what {@link #search} found before the batch, never null
     */
    Set<Class<?>> readers(Set<Class<?>> owners, Set<String> fieldNames, FieldReaders found) {
        Set<Class<?>> classes = new LinkedHashSet<>(owners);
        found.addReaders(fieldNames, classes);
        Set<String> notSearched = found.notCovered(fieldNames);
        if (!notSearched.isEmpty()) {
            search(notSearched, List.of()).addReaders(notSearched, classes);
        }
        return classes;
    }

    /**
     * Retransforms the classes, unchanged, which deoptimizes the compiled code that holds their methods.
     *
     * @param classes loaded classes, never null
     * @throws UnmodifiableClassException when the JVM refuses to retransform one of them
     */
    void deoptimize(Set<Class<?>> classes) throws UnmodifiableClassException {
        capture.expectRedefinition(classes);
        try {
            instrumentation.retransformClasses(classes.toArray(Class<?>[]::new));
        } finally {
            capture.endRedefinition(); // the bytes the JVM gives back are the same class: nothing to record
        }
    }

    /** {@return the loaded classes of the watched directories, each with its class file} */
    private List<WatchedClass> watchedClasses() {
        List<WatchedClass> watched = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            ClassLoader loader = type.getClassLoader();
            if (loader == null || type.isHidden() || type.isArray()) {
                continue;
            }
            CapturedClass captured = index.get(loader, type.getName().replace('.', '/'));
            Path file = captured == null ? null : captured.file();
            if (file != null) {
                watched.add(new WatchedClass(type, file));
            }
        }
        return watched;
    }

    private record WatchedClass(Class<?> type, Path file) {
    }

    /**
     * The field names among those looked for that a class's file names.
     *
     * @param unread true when the file could not be read (gone, or being written): the class is taken to name every
     *     field, which deoptimizing one class more makes harmless
     */
    private record NamedFields(Class<?> type, Set<String> names, boolean unread) {
    }

    /** Reads one class file for the names: a class of its own, not a lambda, as every such batch runs it. */
    private static final class FieldNameSearch implements Function<WatchedClass, NamedFields> {
        private final Set<String> names;
        private final List<String> prefixes;

        FieldNameSearch(Set<String> names, List<String> prefixes) {
            this.names = names;
            this.prefixes = prefixes;
        }

        @Override
        public NamedFields apply(WatchedClass watched) {
            try {
                byte[] classFile = Files.readAllBytes(watched.file());
                return new NamedFields(watched.type(), ClassReferences.memberNamesAmong(classFile, names, prefixes),
                        false);
            } catch (IOException | IllegalArgumentException e) {
                return new NamedFields(watched.type(), Set.of(), true);
            }
        }
    }
}
