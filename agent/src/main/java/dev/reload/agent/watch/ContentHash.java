package dev.reload.agent.watch;

import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A 64-bit fingerprint of a file's content, used to drop writes that leave a class file as it was.
 * Two independent 32-bit hashes side by side: cheap (CRC32C is an intrinsic) and collision-safe enough
 * to decide "same bytes as before".
 */
public final class ContentHash {
    private ContentHash() {
    }

    /** {@return the fingerprint of the bytes, never affected by the array's identity} */
    public static long of(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        return (crc.getValue() << 32) | (Arrays.hashCode(bytes) & 0xffff_ffffL);
    }
}
