package dev.reload.patcher.shape;

/**
 * A small streaming 64-bit hash for code: each value is folded in with a multiply-xorshift step, strings
 * by FNV-1a over their chars. Not cryptographic; 64 bits keep accidental collisions between two versions
 * of one method out of reach.
 */
final class Hash64 {
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;
    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;

    private long state = FNV_OFFSET;

    /** Starts over, as a new hash. */
    void reset() {
        state = FNV_OFFSET;
    }

    /** Folds one value into the hash. */
    Hash64 add(long value) {
        long h = (state ^ value) * MULTIPLIER;
        state = h ^ (h >>> 31);
        return this;
    }

    /** Folds a string into the hash; null counts as a value of its own. */
    Hash64 add(String text) {
        return add(of(text));
    }

    /** {@return the hash of everything added so far} */
    long value() {
        return finish(state);
    }

    private static long finish(long state) {
        long h = state;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }

    /** {@return the hash of two values added to a new hash, made without one} */
    static long pair(long first, long second) {
        long h = (FNV_OFFSET ^ first) * MULTIPLIER;
        h = ((h ^ (h >>> 31)) ^ second) * MULTIPLIER;
        return finish(h ^ (h >>> 31));
    }

    /** {@return {@link #of(String)} of the string these ASCII bytes spell, read from the bytes} */
    static long ofAscii(byte[] bytes, int start, int length) {
        long h = FNV_OFFSET ^ length;
        for (int i = start; i < start + length; i++) {
            h = (h ^ bytes[i]) * FNV_PRIME;
        }
        return h;
    }

    /** {@return the FNV-1a hash of a string's chars, or a fixed value for null} */
    static long of(String text) {
        if (text == null) {
            return 0x5EED_0000_0000_0001L;
        }
        long h = FNV_OFFSET ^ text.length();
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * FNV_PRIME;
        }
        return h;
    }
}
