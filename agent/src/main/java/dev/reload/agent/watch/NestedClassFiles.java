package dev.reload.agent.watch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Tells a nested class removed from its source from one whose file a full rebuild deleted and will write again. An
 * IDE or an incremental build deletes {@code Hud$1.class} when the anonymous class goes; the new {@code Hud.class}
 * then no longer names {@code Hud$1} anywhere (javac and ECJ list every nested class in {@code InnerClasses} and
 * {@code NestMembers}), so there is nothing to wait for.
 */
final class NestedClassFiles {
    private static final String CLASS_SUFFIX = ".class";

    private NestedClassFiles() {
    }

    /** {@return the file of the outermost class a nested class file belongs to, or null for a top-level class} */
    static Path outerFile(Path classFile) {
        String name = classFile.getFileName().toString();
        int dollar = name.indexOf('$');
        return dollar <= 0 || !name.endsWith(CLASS_SUFFIX) ? null
                : classFile.resolveSibling(name.substring(0, dollar) + CLASS_SUFFIX);
    }

    /**
     * {@return true when the outer class's new file does not name the deleted nested class: it was removed from the
     * source, not deleted by a rebuild that will write it again}; false whenever unsure (a name that is not ASCII)
     *
     * @param deleted the deleted nested class file, never null
     * @param outerClassFile the whole new class file of its outer class, never null
     */
    static boolean removedFromSource(Path deleted, byte[] outerClassFile) {
        String name = deleted.getFileName().toString();
        String binarySimpleName = name.substring(0, name.length() - CLASS_SUFFIX.length());
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(binarySimpleName)) {
            return false;
        }
        // The constant pool holds the nested class's internal name in UTF-8, which ASCII bytes spell as they are.
        return !new String(outerClassFile, StandardCharsets.ISO_8859_1).contains(binarySimpleName);
    }
}
