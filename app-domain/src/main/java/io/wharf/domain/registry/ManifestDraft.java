package io.wharf.domain.registry;

import java.util.List;
import java.util.Set;

/**
 * A pushed manifest, validated and read, before it is stored: its media type, what it references (config and layers
 * of an image; child manifests and their platforms of an index), its subject, artifact type and annotations.
 */
public record ManifestDraft(String mediaType, boolean index, String configDigest, String configMediaType,
                            long imageSize, List<String> blobs, List<String> children, List<String> platforms,
                            String subject, String artifactType, String annotations) {
    /** Config media types of runnable images, whose {@code architecture} names the image's platform. */
    public static final Set<String> IMAGE_CONFIGS = Set.of("application/vnd.oci.image.config.v1+json",
            "application/vnd.docker.container.image.v1+json");
}
