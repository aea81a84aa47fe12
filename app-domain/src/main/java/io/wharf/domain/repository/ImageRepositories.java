package io.wharf.domain.repository;

import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;

import java.util.List;
import java.util.Optional;

/** The image repositories Wharf keeps. */
public interface ImageRepositories {

    /** Stores a new repository; a name taken in the organization fails with {@code REPOSITORY_EXISTS}. */
    ImageRepository add(Namespace namespace, RepositoryName name, RepositoryDetails details, String creatorId,
                        String creatorName);

    Optional<ImageRepository> byName(NamespaceName namespace, RepositoryName name);

    ImageRepository update(ImageRepository repository, RepositoryDetails details);

    /** Removes the repository and its tags. */
    void remove(ImageRepository repository);

    List<ImageRepository> list(RepositoryQuery query);

    long count(RepositoryQuery query);

    long countInNamespace(long namespaceId);
}
