package dev.reload.patcher.shape;

import dev.reload.patcher.shape.UnreadableClassException.Reason;

/**
 * Walks the outline of a class file (JVMS 4.1) by its counts and lengths only, before the shape is read, so
 * that empty, foreign, truncated and too-new input gets a precise {@link Reason} instead of whatever
 * exception the parser happens to throw.
 */
final class ClassFileCheck {
    /** The oldest class file major version there is (Java 1.0.2). */
    static final int MIN_MAJOR = 45;
    /** The newest class file major version the bundled ASM reads (Java 26): the patcher rewrites with it. */
    static final int MAX_MAJOR = 70;

    private static final int MAGIC = 0xCAFEBABE;

    private final byte[] bytes;
    private int pos;

    private ClassFileCheck(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Checks that {@code bytes} hold exactly one complete class file of a supported version.
     *
     * @param bytes the candidate class file, never null
     * @return the class file's major version
     * @throws UnreadableClassException when it does not
     */
    static int check(byte[] bytes) throws UnreadableClassException {
        if (bytes.length == 0) {
            throw new UnreadableClassException(Reason.EMPTY, 0, "the file is empty (0 bytes)", null);
        }
        ClassFileCheck check = new ClassFileCheck(bytes);
        check.magic();
        int major = check.version();
        check.constantPool();
        check.skip(6);
        check.interfaces();
        check.members();
        check.members();
        check.attributes();
        if (check.pos != bytes.length) {
            throw new UnreadableClassException(Reason.MALFORMED, check.pos, "the class file ends at byte "
                    + check.pos + " but " + (bytes.length - check.pos) + " more bytes follow", null);
        }
        return major;
    }

    private void magic() throws UnreadableClassException {
        int prefix = Math.min(4, bytes.length);
        for (int i = 0; i < prefix; i++) {
            if (bytes[i] != (byte) (MAGIC >>> (24 - 8 * i))) {
                throw new UnreadableClassException(Reason.NOT_A_CLASS_FILE, 0,
                        "not a class file: it does not start with 0xCAFEBABE", null);
            }
        }
        need(4);
        pos = 4;
    }

    private int version() throws UnreadableClassException {
        need(4);
        int minor = u2(pos);
        int major = u2(pos + 2);
        pos += 4;
        if (major < MIN_MAJOR || major > MAX_MAJOR) {
            throw new UnreadableClassException(Reason.UNSUPPORTED_VERSION, 6, "class file version " + major
                    + "." + minor + " (Java " + (major - 44) + ") is not supported; this tool reads versions "
                    + MIN_MAJOR + " to " + MAX_MAJOR + " (Java " + (MAX_MAJOR - 44) + ")", null);
        }
        return major;
    }

    private void constantPool() throws UnreadableClassException {
        need(2);
        int count = u2(pos);
        pos += 2;
        for (int i = 1; i < count; i++) {
            need(1);
            int tag = bytes[pos] & 0xFF;
            int start = pos;
            pos++;
            switch (tag) {
                case 1 -> {
                    need(2);
                    int length = u2(pos);
                    pos += 2;
                    need(length);
                    pos += length;
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(4);
                case 5, 6 -> {
                    skip(8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> skip(2);
                case 15 -> skip(3);
                default -> throw new UnreadableClassException(Reason.MALFORMED, start,
                        "constant pool entry " + i + " has the unknown tag " + tag + " (at byte " + start + ")",
                        null);
            }
        }
    }

    private void members() throws UnreadableClassException {
        need(2);
        int count = u2(pos);
        pos += 2;
        for (int i = 0; i < count; i++) {
            skip(6);
            attributes();
        }
    }

    private void attributes() throws UnreadableClassException {
        need(2);
        int count = u2(pos);
        pos += 2;
        for (int i = 0; i < count; i++) {
            need(6);
            long length = u4(pos + 2);
            pos += 6;
            if (length > bytes.length - pos) {
                throw truncated();
            }
            pos += (int) length;
        }
    }

    private void interfaces() throws UnreadableClassException {
        need(2);
        int count = u2(pos);
        pos += 2;
        skip(2 * count);
    }

    private void skip(int n) throws UnreadableClassException {
        need(n);
        pos += n;
    }

    private void need(int n) throws UnreadableClassException {
        if (n > bytes.length - pos) {
            throw truncated();
        }
    }

    private UnreadableClassException truncated() {
        return new UnreadableClassException(Reason.TRUNCATED, bytes.length, "the class file is truncated: it ends after "
                + bytes.length + " bytes, in the middle of its structure (was it still being written?)", null);
    }

    private int u2(int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }

    private long u4(int at) {
        return ((long) u2(at) << 16) | u2(at + 2);
    }
}
