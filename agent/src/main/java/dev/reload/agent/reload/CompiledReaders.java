package dev.reload.agent.reload;

import dev.reload.agent.index.CaptureTransformer;
import dev.reload.agent.index.CapturedClass;
import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.patcher.rewrite.ClassReferences;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Deoptimizes the compiled code that may have folded the old value of a {@code static final} field: C1 and C2 take
 * the value of a static final field as a constant when they compile a method reading it (HotSpot's
 * {@code ciField::initialize_from}), and record no dependency on it. A redefinition marks every method of the classes
 * it redefines old, and deoptimizes each compiled method whose code holds an old method, its own or one it inlined
 * ({@code VM_RedefineClasses::flush_dependent_code}, {@code nmethod::has_evol_metadata}). So the class and every
 * watched class that names the field are retransformed, unchanged, after the new value is in place: code compiled
 * from then on reads it. Used by the reload thread only.
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
     * {@return the classes whose compiled code may hold the old values: the owners, and the loaded watched classes
     * whose files name a member called as one of the fields}
     *
     * @param owners the classes whose final fields got new values, never null
     * @param fieldNames the names of those fields, never null
     */
    Set<Class<?>> readers(Set<Class<?>> owners, Set<String> fieldNames) {
        Set<Class<?>> classes = new LinkedHashSet<>(owners);
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (!classes.contains(type) && namesField(type, fieldNames)) {
                classes.add(type);
            }
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

    private boolean namesField(Class<?> type, Set<String> fieldNames) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null || type.isHidden() || type.isArray()) {
            return false;
        }
        CapturedClass captured = index.get(loader, type.getName().replace('.', '/'));
        Path file = captured == null ? null : captured.file();
        if (file == null) {
            return false;
        }
        try {
            return ClassReferences.namesAnyMember(Files.readAllBytes(file), fieldNames);
        } catch (IOException | IllegalArgumentException e) {
            return true; // the file is gone or being written: deoptimizing one class more is harmless
        }
    }
}
