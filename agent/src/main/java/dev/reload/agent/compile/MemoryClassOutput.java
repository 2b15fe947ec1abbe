package dev.reload.agent.compile;

import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps everything javac writes in memory, so compile mode never touches the program's build output: reading
 * goes to the shared file manager, every output file becomes a byte array. One instance per compile.
 */
final class MemoryClassOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
    /** Binary name to the stream javac writes the class file into, in the order javac wrote them. */
    private final Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>();

    MemoryClassOutput(StandardJavaFileManager files) {
        super(files);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                               FileObject sibling) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (kind == JavaFileObject.Kind.CLASS) {
            classes.put(className, out);
        }
        // Anything else (sources from annotation processors, which are off) is dropped, never written to disk.
        return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
            @Override
            public OutputStream openOutputStream() {
                return out;
            }
        };
    }

    @Override
    public FileObject getFileForOutput(Location location, String packageName, String relativeName, FileObject sibling) {
        ByteArrayOutputStream dropped = new ByteArrayOutputStream();
        return new SimpleJavaFileObject(URI.create("mem:///" + relativeName), JavaFileObject.Kind.OTHER) {
            @Override
            public OutputStream openOutputStream() {
                return dropped;
            }
        };
    }

    /** {@return the class files written so far} */
    List<CompiledClass> classes() {
        List<CompiledClass> compiled = new ArrayList<>();
        classes.forEach((binaryName, out) -> compiled.add(new CompiledClass(binaryName.replace('.', '/'), out.toByteArray())));
        return compiled;
    }
}
