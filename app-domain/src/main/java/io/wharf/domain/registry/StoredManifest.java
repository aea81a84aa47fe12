package io.wharf.domain.registry;

import java.time.Instant;
import java.util.List;

/**
 * A manifest a repository holds: its digest, media type and byte size; the total size of the image it describes; its
 * config blob (image manifests); the architectures it runs on; the manifest it refers to ({@code subject}), its
 * artifact type and annotations (JSON), for the referrers API; and the blobs and manifests it references.
 */
public record StoredManifest(long id, long repositoryId, String digest, String mediaType, long size, long imageSize,
                             String configDigest, String architectures, String subjectDigest, String artifactType,
                             String annotations, Instant pushedAt, List<String> blobs, List<String> children) {
}
