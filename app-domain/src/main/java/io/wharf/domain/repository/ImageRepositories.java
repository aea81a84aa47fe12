package io.wharf.domain.repository;

import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The image repositories Wharf keeps. */
public interface ImageRepositories {

    /** Stores a new repository; a name taken in the organization fails as {@code Failure.EXISTS}. */
    ImageRepository add(Namespace namespace, RepositoryName name, RepositoryDetails details, String creatorId,
                        String creatorName);

    Optional<ImageRepository> byName(NamespaceName namespace, RepositoryName name);

    Optional<ImageRepository> byId(long id);

    /**
     * The repository a push writes into, locked until the transaction ends so that pushes into one repository change
     * its content one at a time; a missing one is created first (private, category {@code other}, the pusher as its
     * creator). Racing pushes that both find it missing both get the one repository, without a conflict.
     */
    ImageRepository lockForPush(Namespace namespace, RepositoryName name, String creatorId, String creatorName);

    /** As {@link #lockForPush} without the lock: for linking a blob, which racing pushes may do side by side. */
    ImageRepository forPush(Namespace namespace, RepositoryName name, String creatorId, String creatorName);

    ImageRepository update(ImageRepository repository, RepositoryDetails details);

    /** Counts one pull of an image (a manifest download) towards {@code num_download}. */
    void countDownload(long repositoryId);

    /** Removes the repository and its tags. */
    void remove(ImageRepository repository);

    List<ImageRepository> list(RepositoryQuery query);

    long count(RepositoryQuery query);

    long countInNamespace(long namespaceId);

    /**
     * The paths ({@code <organization>/<repository>}) of the repositories an account's user may read — the account's
     * own ({@code visibleTo} a user who needs a grant, or null for an administrator) and those validly shared with the
     * account — in order of organization then name, after {@code after} (a path, or null).
     */
    List<String> catalog(String accountId, String visibleTo, Instant now, String after, int limit);
}
