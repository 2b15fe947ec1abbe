package dev.reload.patcher.rewrite;

/**
 * Tells a class file that is whole from one still being written, by walking its structure (JVMS 4.1) without
 * decoding it: a file whose constant pool, members and attributes end exactly at its last byte is whole, however
 * recently it was written. A file caught half written ends too early; one written over a longer one without
 * truncation ends too late. Cheap enough to run on every write a watcher sees.
 */
public final class WholeClassFile {
    private WholeClassFile() {
    }

    /**
     * {@return true when the bytes are a class file whose structure ends exactly at their last byte}
     *
     * @param bytes the file's content, never null; not modified
     */
    public static boolean test(byte[] bytes) {
        try {
            return ClassFileOutline.of(bytes).end == bytes.length;
        } catch (ClassFileFormatException e) {
            return false;
        }
    }
}
