package io.wharf.web.fakes;

import io.wharf.domain.share.AccessDomain;
import io.wharf.domain.share.AccessDomains;
import io.wharf.domain.share.ShareTerms;
import io.wharf.domain.share.SharedQuery;
import io.wharf.domain.share.SharedRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** No shares at all: enough for the use cases of one account (sharing is tested on MariaDB). */
public final class InMemoryAccessDomains implements AccessDomains {
    @Override
    public AccessDomain add(long repositoryId, String accountId, String accountName, ShareTerms terms, String creatorId,
                            String creatorName) {
        throw new UnsupportedOperationException("sharing is tested on MariaDB");
    }

    @Override
    public Optional<AccessDomain> of(long repositoryId, String accountName) {
        return Optional.empty();
    }

    @Override
    public List<AccessDomain> ofRepository(long repositoryId, int offset, int limit) {
        return List.of();
    }

    @Override
    public AccessDomain update(AccessDomain share, ShareTerms terms) {
        throw new UnsupportedOperationException("sharing is tested on MariaDB");
    }

    @Override
    public void remove(AccessDomain share) {
        throw new UnsupportedOperationException("sharing is tested on MariaDB");
    }

    @Override
    public boolean grantsRead(long repositoryId, String accountId, Instant now) {
        return false;
    }

    @Override
    public List<SharedRepository> list(SharedQuery query) {
        return List.of();
    }

    @Override
    public long count(SharedQuery query) {
        return 0;
    }
}
