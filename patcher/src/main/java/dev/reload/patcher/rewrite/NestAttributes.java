package dev.reload.patcher.rewrite;

import java.util.List;

/**
 * Reads a class file's {@code NestHost} and {@code NestMembers} attributes (JVMS 4.7.28, 4.7.29) from the outline of
 * its bytes, without ASM: cheap enough for every nested class a program loads, inside a class file transformer.
 */
public final class NestAttributes {
    private NestAttributes() {
    }

    /**
     * {@return the internal name the class file's {@code NestHost} attribute names, or null when it has none}
     *
     * @param classFile a class file, never null
     * @throws ClassFileFormatException when the bytes are not a class file
     */
    public static String nestHostOf(byte[] classFile) {
        return ClassFileOutline.of(classFile).nestHost();
    }

    /**
     * {@return the internal names the class file's {@code NestMembers} attribute lists, in order; empty without one}
     *
     * @param classFile a class file, never null
     * @throws ClassFileFormatException when the bytes are not a class file
     */
    public static List<String> nestMembersOf(byte[] classFile) {
        return ClassFileOutline.of(classFile).nestMembers();
    }
}
