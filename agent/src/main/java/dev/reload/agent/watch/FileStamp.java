package dev.reload.agent.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

/**
 * What the file system says of a file without reading it (its size, modification time and identity), with the
 * {@link ContentHash} of the content the agent read while the file said so: the same stamp later means the same content,
 * so a tree whose events were lost is read again without reading every file in it (a look at a file's attributes costs a
 * fraction of reading and hashing it). A write changes the modification time, and a file renamed over another has an
 * identity of its own. A stamp taken within {@link #RACY} of the file's last modification is not kept: a write in the
 * same tick of the file system's clock, of the same size, would leave it unchanged (git's "racily clean" entries).
 *
 * @param hash the hash of the content read, as {@link ContentHash#of}
 * @param size the file's size in bytes
 * @param modified its modification time
 * @param identity what tells the file from another in its place (device and inode), or null where there is none
 */
record FileStamp(long hash, long size, FileTime modified, Object identity) {
    /** Longer than any file system's clock tick, shorter than the time before a build writes a file again. */
    static final Duration RACY = Duration.ofSeconds(1);

    /**
     * {@return the file's stamp for the content of hash {@code hash}}
     *
     * @throws IOException when the file is gone or its attributes cannot be read
     */
    static FileStamp of(Path file, long hash) throws IOException {
        BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return new FileStamp(hash, basic.size(), basic.lastModifiedTime(), basic.fileKey());
    }

    /** {@return true when the file changed too recently, at {@code nowMillis} (wall clock), for its stamp to be kept} */
    boolean racy(long nowMillis) {
        return modified.toMillis() > nowMillis - RACY.toMillis();
    }
}
