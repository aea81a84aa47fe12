package io.wharf.domain.registry;

/** What one sweep of the blob store removed: how many blobs and how many bytes they held. */
public record Swept(int blobs, long bytes) {
}
