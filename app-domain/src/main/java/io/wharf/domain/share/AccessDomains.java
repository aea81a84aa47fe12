package io.wharf.domain.share;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The shares of image repositories. */
public interface AccessDomains {

    /** Stores a new share; a repository already shared with that account fails as {@code Failure.EXISTS}. */
    AccessDomain add(long repositoryId, String accountId, String accountName, ShareTerms terms, String creatorId,
                     String creatorName);

    Optional<AccessDomain> of(long repositoryId, String accountName);

    List<AccessDomain> ofRepository(long repositoryId, int offset, int limit);

    AccessDomain update(AccessDomain share, ShareTerms terms);

    void remove(AccessDomain share);

    /** Whether a share of the repository gives {@code accountId} read access at {@code now}. */
    boolean grantsRead(long repositoryId, String accountId, Instant now);

    List<SharedRepository> list(SharedQuery query);

    long count(SharedQuery query);

    /** The accounts an account's repositories are shared with, by name, at most {@code limit} (the share form's picker). */
    List<String> receiversOf(String ownerAccountId, int limit);
}
