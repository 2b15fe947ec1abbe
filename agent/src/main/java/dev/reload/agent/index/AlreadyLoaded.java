package dev.reload.agent.index;

import dev.reload.agent.report.Reporter;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Captures the classes that were loaded before the agent was attached. Their bytes are read from their
 * class files, which is what they were loaded from unless the file changed since; a class another agent
 * changed at load is seen as its file says.
 */
public final class AlreadyLoaded {
    private AlreadyLoaded() {
    }

    /**
     * Captures every loaded class whose class file lies in a watched directory.
     *
     * @return how many classes were captured
     */
    public static int capture(Instrumentation instrumentation, ClassOrigins origins, LoadedClassIndex index,
                              CaptureCompactor compactor, Reporter reporter) {
        int captured = 0;
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (type.getClassLoader() == null || type.isArray() || type.isPrimitive() || type.isHidden()) {
                continue;
            }
            String internalName = type.getName().replace('.', '/');
            Path file = origins.classFileOf(internalName, type.getProtectionDomain());
            if (file == null || index.get(type.getClassLoader(), internalName) != null) {
                continue;
            }
            try {
                byte[] bytes = Files.readAllBytes(file);
                CapturedClass capturedClass = new CapturedClass(internalName, file, bytes, false);
                index.putLoaded(type, capturedClass);
                compactor.submit(capturedClass, bytes);
                captured++;
            } catch (IOException e) {
                reporter.debug("cannot read " + file + " for the loaded class " + type.getName() + " (" + e.getMessage()
                        + "); a change to it will not be reloaded");
            }
        }
        return captured;
    }
}
