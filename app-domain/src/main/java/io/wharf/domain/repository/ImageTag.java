package io.wharf.domain.repository;

import java.time.Instant;

/**
 * A tag of an image repository and the image it names: the manifest's digest and media type, the image (config) id,
 * the manifest itself, its schema, the image's size, whether it is a single manifest (0) or a manifest list / index (1),
 * and the architectures it runs on.
 */
public record ImageTag(long id, long repositoryId, String tag, String digest, String imageId, String manifest,
                       int schema, long size, int tagType, String mediaType, String architectures, Instant createdAt,
                       Instant updatedAt) {
    /** What a tag may be (the OCI distribution spec's rule). */
    public static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

    /** The image this tag names, to be named by another tag. */
    public TaggedImage image() {
        return new TaggedImage(digest, mediaType, manifest, imageId, schema, size, tagType, architectures);
    }
}
