package dev.reload.agent.compile;

import java.nio.file.Path;

/** Small facts about Java source files in watched trees. */
public final class JavaSources {
    /** The file name suffix of Java sources. */
    public static final String SUFFIX = ".java";

    private JavaSources() {
    }

    /** {@return true when the path names a Java source (by its name; the file may be gone)} */
    public static boolean isJavaSource(Path path) {
        Path name = path.getFileName();
        // module-info and package-info declare no class a running program could execute.
        return name != null && name.toString().endsWith(SUFFIX)
                && !name.toString().equals("module-info.java") && !name.toString().equals("package-info.java");
    }
}
