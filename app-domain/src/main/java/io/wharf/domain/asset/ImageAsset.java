package io.wharf.domain.asset;

import java.time.Instant;

/**
 * One tagged image as HSS's image list shows it: where it lives (organization, repository, tag), what it is (config id,
 * manifest digest, size, architectures, whether it is a multi-architecture index), when it last changed, and for a
 * shared image its owner account and the share's deadline state.
 */
public record ImageAsset(long id, long repositoryId, String namespace, String imageName, String imageId,
                         String imageDigest, String imageVersion, ImageType type, long imageSize, String architectures,
                         boolean multiArchitecture, Instant updatedAt, String ownerAccountId, Boolean shareValid) {
}
