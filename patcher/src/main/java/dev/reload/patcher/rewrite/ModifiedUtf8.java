package dev.reload.patcher.rewrite;

/** Encodes strings the way a class file's {@code CONSTANT_Utf8} entries hold them (JVMS 4.4.7). */
final class ModifiedUtf8 {
    private static final int MAX_LENGTH = 0xFFFF;

    private ModifiedUtf8() {
    }

    /**
     * {@return the modified UTF-8 bytes of {@code text}: no zero byte, and each UTF-16 unit of a supplementary
     * character encoded on its own}
     *
     * @throws ClassFileFormatException when the encoding is longer than a {@code CONSTANT_Utf8} entry can hold
     */
    static byte[] encode(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            length += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        if (length > MAX_LENGTH) {
            throw new ClassFileFormatException(0, "a name of " + length + " bytes does not fit in a constant");
        }
        byte[] encoded = new byte[length];
        int at = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != 0 && c < 0x80) {
                encoded[at++] = (byte) c;
            } else if (c < 0x800) {
                encoded[at++] = (byte) (0xC0 | (c >> 6));
                encoded[at++] = (byte) (0x80 | (c & 0x3F));
            } else {
                encoded[at++] = (byte) (0xE0 | (c >> 12));
                encoded[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                encoded[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return encoded;
    }
}
