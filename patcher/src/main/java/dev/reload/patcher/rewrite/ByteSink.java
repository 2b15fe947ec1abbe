package dev.reload.patcher.rewrite;

import java.util.Arrays;

/** A growing byte array written big-endian, as class files are (JVMS 4: {@code u1}, {@code u2}, {@code u4}). */
final class ByteSink {
    private byte[] bytes;
    private int size;

    /** @param capacity the bytes to make room for at first, more than 0 */
    ByteSink(int capacity) {
        bytes = new byte[capacity];
    }

    ByteSink u1(int value) {
        room(1);
        bytes[size++] = (byte) value;
        return this;
    }

    ByteSink u2(int value) {
        room(2);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
        return this;
    }

    ByteSink u4(int value) {
        return u2(value >>> 16).u2(value);
    }

    /** Writes each value as a {@code u2}. */
    ByteSink u2s(int[] values) {
        for (int value : values) {
            u2(value);
        }
        return this;
    }

    ByteSink bytes(byte[] source, int offset, int length) {
        room(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
        return this;
    }

    /** Writes what another sink holds. */
    ByteSink bytes(ByteSink other) {
        return bytes(other.bytes, 0, other.size);
    }

    int size() {
        return size;
    }

    /** {@return the bytes written, in an array of their exact length} */
    byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
