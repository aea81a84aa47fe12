package io.wharf.domain.registry;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Content-addressed storage of blobs (layers, configs and manifests) and of the uploads that become blobs. Every write
 * goes to a temporary file that is moved into place only after its digest verifies, so a blob is whole or absent.
 */
public interface BlobStore {

    /** The size of a stored blob. */
    Optional<Long> size(Digest digest);

    /** Reads {@code length} bytes of a blob from {@code offset}; the caller closes the stream. */
    InputStream open(Digest digest, long offset, long length) throws IOException;

    /** Stores small content (a manifest) whole and returns its digest. */
    Digest put(byte[] content, String algorithm) throws IOException;

    /** Starts an upload owned by {@code owner} (a repository path and a user) and returns its id. */
    String startUpload(String owner) throws IOException;

    /** The upload's owner and the bytes received so far; empty when no such upload exists. */
    Optional<Upload> upload(String id) throws IOException;

    /** Appends a chunk to an upload and returns the new size. */
    long append(String id, InputStream chunk) throws IOException;

    /**
     * Completes an upload: appends the last chunk, verifies the digest of the whole, then moves it into place. A
     * mismatch leaves the upload as it was and throws {@link DigestMismatch}. Returns the blob's size.
     */
    long complete(String id, InputStream lastChunk, Digest expected) throws IOException;

    void cancelUpload(String id) throws IOException;

    /** Returns once the given blobs are on disk (survive a power loss), so a manifest may name them. */
    void awaitDurable(Collection<String> digests) throws IOException;

    /** Every stored blob's digest ({@code sha256:<hex>}), in no particular order (backups copy them all). */
    java.util.List<String> digests() throws IOException;

    /**
     * Deletes every blob not in {@code live} that is older than {@code grace}, and uploads idle longer than a day;
     * says how many blobs went and the bytes they held.
     */
    Swept sweep(Predicate<String> live, Duration grace) throws IOException;

    /** What {@link #sweep} would delete, deleting nothing (a collection's dry run). */
    Swept unreferenced(Predicate<String> live, Duration grace) throws IOException;

    /**
     * Where a client may fetch the blob itself for {@code validFor} (a presigned object-store URL), so that the node
     * need not carry the bytes; empty when the store serves blobs only through Wharf.
     */
    default Optional<java.net.URI> directUrl(Digest digest, Duration validFor) {
        return Optional.empty();
    }

    /** An upload in progress. */
    record Upload(String id, String owner, long size) {
    }

    /** The content does not have the digest the client claimed. */
    final class DigestMismatch extends IOException {
        public DigestMismatch(String message) {
            super(message);
        }
    }
}
