package dev.reload.patcher.rewrite;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

import java.util.Map;

/**
 * Renames classes inside a class file: its own name, every reference to the renamed classes in its constant pool,
 * descriptors, signatures, frames and attributes ({@code NestMembers}, {@code InnerClasses}, …). Used when
 * anonymous classes were renumbered: each file name is mapped to the running class that continues it, and a new
 * class whose file name a running class holds gets a spare name. Frames are kept as they are (renamed, never
 * recomputed), so ASM never loads a class here.
 */
public final class ClassRenamer {
    private ClassRenamer() {
    }

    /**
     * {@return the class file with every class named in {@code internalNames} renamed; the very same array when
     * the map is empty}
     *
     * @param classFile a class file, never null; not modified
     * @param internalNames internal name to its new internal name, never null; applied all at once, so two classes
     *                      may trade names
     * @throws IllegalArgumentException when the bytes are not a class file ASM can read
     */
    public static byte[] rename(byte[] classFile, Map<String, String> internalNames) {
        if (internalNames.isEmpty()) {
            return classFile;
        }
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassRemapper(writer, new SimpleRemapper(Opcodes.ASM9, Map.copyOf(internalNames))), 0);
        return writer.toByteArray();
    }
}
