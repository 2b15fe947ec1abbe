package dev.reload.patcher.rewrite;

/**
 * Thrown when bytes handed to the byte-level class-file editor are not a class file it can walk: a wrong magic
 * number, a constant pool tag it does not know (JVMS 4.4), or a table running past the end of the bytes.
 */
public final class ClassFileFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Where in the bytes the problem was found. */
    private final int offset;

    /**
     * @param offset the byte offset at which the class file stopped making sense
     * @param problem what was wrong there, never null
     */
    ClassFileFormatException(int offset, String problem) {
        super(problem + " at byte " + offset);
        this.offset = offset;
    }

    /** {@return the byte offset at which the class file stopped making sense} */
    public int offset() {
        return offset;
    }
}
