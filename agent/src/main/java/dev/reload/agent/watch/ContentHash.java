package dev.reload.agent.watch;

import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A 64-bit fingerprint of a file's content, used to drop writes that leave a class file as it was.
 * Two independent 32-bit checksums side by side, CRC-32C and CRC-32 (different polynomials): collision-safe enough
 * to decide "same bytes as before", and cheap from the first call, since the JVM has intrinsics for both in the
 * interpreter as well as in compiled code. That matters because every class file a program loads is hashed, most of
 * them before the JIT has compiled anything of the agent (a loop over the bytes, such as
 * {@code Arrays.hashCode}, costs ten times as much there).
 */
public final class ContentHash {
    private ContentHash() {
    }

    /** {@return the fingerprint of the bytes, never affected by the array's identity} */
    public static long of(byte[] bytes) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(bytes, 0, bytes.length);
        CRC32 ieee = new CRC32();
        ieee.update(bytes, 0, bytes.length);
        return (castagnoli.getValue() << 32) | ieee.getValue();
    }
}
