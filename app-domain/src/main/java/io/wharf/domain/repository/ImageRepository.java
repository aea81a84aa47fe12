package io.wharf.domain.repository;

import io.wharf.domain.namespace.NamespaceName;

import java.time.Instant;

/**
 * An image repository. Size, image count and download count follow its content; the organization's name and account
 * travel with it because every answer about a repository names them.
 */
public record ImageRepository(long id, long namespaceId, NamespaceName namespace, String accountId, RepositoryName name,
                              Category category, String description, boolean isPublic, String creatorId,
                              String creatorName, Instant createdAt, Instant updatedAt, long size, long numImages,
                              long numDownload) {

    /** The repository's path below the registry address: {@code <organization>/<repository>}. */
    public String path() {
        return namespace.value() + "/" + name.value();
    }
}
