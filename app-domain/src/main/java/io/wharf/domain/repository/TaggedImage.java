package io.wharf.domain.repository;

/**
 * What a tag names: the manifest (digest, media type, text and schema), the image's config digest, the image's total
 * size, whether it is one image (0) or a manifest list / index (1), and its architectures ({@code amd64,arm64}).
 */
public record TaggedImage(String digest, String mediaType, String manifest, String imageId, int schema, long size,
                          int tagType, String architectures) {
}
