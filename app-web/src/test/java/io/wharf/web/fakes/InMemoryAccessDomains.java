package io.wharf.web.fakes;

import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.share.AccessDomain;
import io.wharf.domain.share.AccessDomains;
import io.wharf.domain.share.ShareTerms;
import io.wharf.domain.share.SharedQuery;
import io.wharf.domain.share.SharedRepository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shares in a map, one per repository and receiving account as the table's unique key has it. The shared lists with
 * their filters and orders are SQL, tested on MariaDB; here they are empty.
 */
public final class InMemoryAccessDomains implements AccessDomains {
    private final Map<String, AccessDomain> shares = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();

    private static String key(long repositoryId, String accountName) {
        return String.format("%012d/%s", repositoryId, accountName);
    }

    @Override
    public AccessDomain add(long repositoryId, String accountId, String accountName, ShareTerms terms, String creatorId,
                            String creatorName) {
        if (shares.containsKey(key(repositoryId, accountName))) {
            throw WharfException.exists(Subject.SHARE, "The repository is already shared with " + accountName + ".");
        }
        Instant now = Instant.now();
        AccessDomain share = new AccessDomain(ids.incrementAndGet(), repositoryId, accountId, accountName, terms.permit(),
                terms.deadline(), terms.description(), creatorId, creatorName, now, now);
        shares.put(key(repositoryId, accountName), share);
        return share;
    }

    @Override
    public Optional<AccessDomain> of(long repositoryId, String accountName) {
        return Optional.ofNullable(shares.get(key(repositoryId, accountName)));
    }

    @Override
    public List<AccessDomain> ofRepository(long repositoryId, int offset, int limit) {
        return shares.values().stream().filter(s -> s.repositoryId() == repositoryId).skip(offset).limit(limit).toList();
    }

    @Override
    public AccessDomain update(AccessDomain share, ShareTerms terms) {
        AccessDomain changed = new AccessDomain(share.id(), share.repositoryId(), share.accountId(), share.accountName(),
                terms.permit(), terms.deadline(), terms.description(), share.creatorId(), share.creatorName(),
                share.createdAt(), Instant.now());
        shares.put(key(share.repositoryId(), share.accountName()), changed);
        return changed;
    }

    @Override
    public void remove(AccessDomain share) {
        shares.remove(key(share.repositoryId(), share.accountName()));
    }

    @Override
    public boolean grantsRead(long repositoryId, String accountId, Instant now) {
        return shares.values().stream().anyMatch(s -> s.repositoryId() == repositoryId && s.accountId().equals(accountId)
                && s.isValidAt(now));
    }

    @Override
    public List<SharedRepository> list(SharedQuery query) {
        return List.of();
    }

    @Override
    public long count(SharedQuery query) {
        return 0;
    }

    /** The fakes hold one account's repositories: every receiver counts. */
    @Override
    public List<String> receiversOf(String ownerAccountId, int limit) {
        return shares.values().stream().map(AccessDomain::accountName).distinct().sorted().limit(limit).toList();
    }
}
