package dev.reload.agent.watch;

import java.nio.file.Path;
import java.util.List;

/**
 * Tells the assets of a watched tree (palettes, levels, shaders, textures: every file a game reads that is not a
 * class file or a Java source) from the files editors leave next to them while they save. Editors write a temporary
 * file and rename it ({@code .swp}, {@code ~}, {@code .tmp}, IntelliJ's {@code ___jb_tmp___}; a build that replaces class
 * files atomically, {@code C.class.new}), and vim first writes
 * a file named {@code 4913} to see whether it may write at all: none of those is anything the game reads. Hidden
 * files and files in hidden directories ({@code .git}) are left out too, and so is the build's own {@code META-INF}
 * at the top of a tree (Kotlin rewrites its {@code .kotlin_module} there at every compile).
 */
public final class AssetFiles {
    private static final List<String> EDITOR_SUFFIXES = List.of("~", ".swp", ".swo", ".swx", ".tmp",
            "___jb_tmp___", "___jb_old___");
    /** The name vim gives the file it writes and deletes to test that a directory is writable. */
    private static final String VIM_WRITE_TEST = "4913";

    private AssetFiles() {
    }

    /**
     * {@return true when the file's own name may name an asset: neither a class file nor a Java source, nor hidden,
     * nor an editor's temporary file}; decided by the name alone, the file may be gone
     *
     * @param file a path, never null
     */
    public static boolean mayBeAsset(Path file) {
        Path name = file.getFileName();
        return name != null && !ClassFiles.isClassOrTemporaryClassFile(file)
                && !name.toString().endsWith(".java") && !isHiddenOrTemporary(name.toString());
    }

    /**
     * {@return true when {@code file} is an asset of the tree at {@code root}: its name {@linkplain #mayBeAsset may
     * be one}, and no directory between the root and it is hidden}
     *
     * @param root the watched directory, never null
     * @param file a path below it, never null
     */
    public static boolean isAsset(Path root, Path file) {
        if (!mayBeAsset(file)) {
            return false;
        }
        Path relative = file.startsWith(root) ? root.relativize(file) : file.getFileName();
        if (relative.getNameCount() > 1 && relative.getName(0).toString().equals("META-INF")) {
            return false;
        }
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHiddenOrTemporary(String name) {
        if (name.startsWith(".") || name.equals(VIM_WRITE_TEST) || (name.startsWith("#") && name.endsWith("#"))) {
            return true; // emacs autosaves as #name#
        }
        for (String suffix : EDITOR_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
