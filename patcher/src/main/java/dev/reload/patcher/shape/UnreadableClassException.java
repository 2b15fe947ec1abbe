package dev.reload.patcher.shape;

/**
 * Thrown when bytes that should be a class file cannot be read as one. The message is one line a person
 * understands; {@link #reason()} says which kind of problem it is.
 */
public final class UnreadableClassException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the bytes. */
    public enum Reason {
        /** There are no bytes at all. */
        EMPTY,
        /** The bytes do not start with the class file magic {@code 0xCAFEBABE}. */
        NOT_A_CLASS_FILE,
        /** The bytes end before the class file structure does, as when a compiler is still writing. */
        TRUNCATED,
        /** The class file version is newer (or older) than this tool reads. */
        UNSUPPORTED_VERSION,
        /** The structure is complete but inconsistent (bad constant pool, extra bytes, ...). */
        MALFORMED
    }

    private final Reason reason;
    private final int offset;

    /**
     * @param reason what is wrong, never null
     * @param offset the byte offset where the problem shows, or -1 when it concerns the whole file
     * @param message one line that says what is wrong, never null
     * @param cause the parser's exception, or null
     */
    public UnreadableClassException(Reason reason, int offset, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.offset = offset;
    }

    /** {@return what is wrong with the bytes, never null} */
    public Reason reason() {
        return reason;
    }

    /** {@return the byte offset where the problem shows, or -1 when it concerns the whole file} */
    public int offset() {
        return offset;
    }
}
