package dev.zkcluster.persistence.blob;

import java.io.IOException;
import java.util.Optional;

/**
 * Where batch inputs and proofs live, addressed by slash-separated keys (see {@link BlobKeys}). Every write is atomic:
 * a reader sees the old value or the new one, never a part. The file system is the default; an S3-compatible store
 * can be added behind this interface.
 */
public interface ObjectStore {

    /** Writes (or replaces) the value under {@code key}. */
    void put(String key, byte[] value) throws IOException;

    /** Writes the value only if the key is free; returns false, changing nothing, when it is taken. */
    boolean putIfAbsent(String key, byte[] value) throws IOException;

    /** The value, or empty when the key holds nothing. */
    Optional<byte[]> get(String key) throws IOException;

    boolean exists(String key) throws IOException;

    /** Removes the key and everything below it as a prefix ({@code proofs/17} removes all proofs of batch 17). */
    void deleteTree(String prefix) throws IOException;

    /** A human-readable location for logs, such as the root directory. */
    String describe();
}
