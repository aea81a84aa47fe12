package io.wharf.persistence.jpa;

import io.wharf.domain.error.Subject;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.RepositoryQuery;
import io.wharf.domain.share.AccessDomain;
import io.wharf.domain.share.AccessDomains;
import io.wharf.domain.share.ShareTerms;
import io.wharf.domain.share.SharedQuery;
import io.wharf.domain.share.SharedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

@ApplicationScoped
public class JpaAccessDomains implements AccessDomains {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaAccessDomains() {
    }

    public JpaAccessDomains(EntityManager em) {
        this.em = em;
    }

    @Override
    public AccessDomain add(long repositoryId, String accountId, String accountName, ShareTerms terms, String creatorId,
                            String creatorName) {
        AccessDomainRow row = new AccessDomainRow();
        row.repositoryId = repositoryId;
        row.accountId = accountId;
        row.accountName = accountName;
        apply(row, terms);
        row.creatorId = creatorId;
        row.creatorName = creatorName;
        row.createdAt = row.updatedAt;
        ImageRepositoryRow repository = em.find(ImageRepositoryRow.class, repositoryId);
        row.repositoryUpdatedAt = repository.updatedAt;
        row.repositoryNumImages = repository.numImages;
        Conflicts.persistOrConflict(em, row, Subject.SHARE,
                "The repository is already shared with " + accountName + ".");
        return row.toAccessDomain();
    }

    private static void apply(AccessDomainRow row, ShareTerms terms) {
        row.permit = terms.permit();
        row.deadline = terms.deadline().until().orElse(null);
        row.description = terms.description();
        row.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Keeps the copies of a repository's update time and image count on its shares; called wherever they change. */
    static void followRepository(EntityManager em, ImageRepositoryRow repository) {
        em.createQuery("update AccessDomainRow s set s.repositoryUpdatedAt = :at, s.repositoryNumImages = :images"
                        + " where s.repositoryId = :id")
                .setParameter("at", repository.updatedAt).setParameter("images", repository.numImages)
                .setParameter("id", repository.id).executeUpdate();
    }

    @Override
    public Optional<AccessDomain> of(long repositoryId, String accountName) {
        return em.createQuery("select s from AccessDomainRow s where s.repositoryId = :repo and s.accountName = :name",
                        AccessDomainRow.class)
                .setParameter("repo", repositoryId).setParameter("name", accountName)
                .getResultList().stream().findFirst().map(AccessDomainRow::toAccessDomain);
    }

    @Override
    public List<AccessDomain> ofRepository(long repositoryId, int offset, int limit) {
        return em.createQuery("select s from AccessDomainRow s where s.repositoryId = :repo order by s.accountName",
                        AccessDomainRow.class)
                .setParameter("repo", repositoryId).setFirstResult(offset).setMaxResults(limit)
                .getResultList().stream().map(AccessDomainRow::toAccessDomain).toList();
    }

    @Override
    public AccessDomain update(AccessDomain share, ShareTerms terms) {
        AccessDomainRow row = em.find(AccessDomainRow.class, share.id());
        apply(row, terms);
        return row.toAccessDomain();
    }

    @Override
    public void remove(AccessDomain share) {
        em.createQuery("delete from AccessDomainRow s where s.id = :id").setParameter("id", share.id()).executeUpdate();
    }

    @Override
    public boolean grantsRead(long repositoryId, String accountId, Instant now) {
        return em.createQuery("select count(s) from AccessDomainRow s where s.repositoryId = :repo"
                        + " and s.accountId = :account and (s.deadline is null or s.deadline > :now)", Long.class)
                .setParameter("repo", repositoryId).setParameter("account", accountId).setParameter("now", now)
                .getSingleResult() > 0;
    }

    @Override
    public List<SharedRepository> list(SharedQuery query) {
        String direction = query.descending() ? " desc" : " asc";
        if (!query.byMe() && query.order() == RepositoryQuery.Order.UPDATED_TIME) {
            // Shared with me by update time (the default): one query, the page read in order off the shares' index
            // (their copy of the repository's update time), each share joined to its repository by key.
            return select(query, SHARED_COLUMNS, " order by s.repositoryUpdatedAt" + direction + ", s.repositoryId"
                    + direction, true, Object[].class)
                    .setFirstResult(query.offset()).setMaxResults(query.limit())
                    .getResultList().stream().map(JpaAccessDomains::shared).toList();
        }
        // Other orders, two steps: the page's ids in order (narrow rows: the sort of every share's whole repository
        // row was most of the time), then those rows.
        List<Object> ids = select(query, query.byMe() ? "select r.id" : "select s.id",
                RepositoryOrder.of(query.order(), query.descending()), true, Object.class)
                .setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Object, SharedRepository> found = new HashMap<>();
        if (query.byMe()) {
            InList.bind(em.createQuery("select " + ImageRepositoryRow.COLUMNS + " from ImageRepositoryRow r where r.id in "
                            + InList.of("ids", ids.size()), Object[].class), "ids", ids).getResultList()
                    .forEach(row -> {
                        ImageRepository repository = ImageRepositoryRow.toRepository(row, 0);
                        found.put(repository.id(), new SharedRepository(repository, null));
                    });
        } else {
            InList.bind(em.createQuery(SHARED_COLUMNS + " from AccessDomainRow s, ImageRepositoryRow r where s.id in "
                            + InList.of("ids", ids.size()) + " and r.id = s.repositoryId", Object[].class), "ids", ids)
                    .getResultList().forEach(row -> {
                        SharedRepository shared = shared(row);
                        found.put(shared.share().id(), shared);
                    });
        }
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** A share with its repository, read as columns (see {@link ImageRepositoryRow#COLUMNS}). */
    private static final String SHARED_COLUMNS = "select " + ImageRepositoryRow.COLUMNS + ", " + AccessDomainRow.COLUMNS;

    private static SharedRepository shared(Object[] row) {
        return new SharedRepository(ImageRepositoryRow.toRepository(row, 0),
                AccessDomainRow.toAccessDomain(row, ImageRepositoryRow.COLUMN_COUNT));
    }

    @Override
    public List<String> receiversOf(String ownerAccountId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object> names = em.createNativeQuery("SELECT DISTINCT d.account_name FROM access_domain d"
                        + " JOIN image_repository r ON r.id = d.repository_id WHERE r.account_id = ?1 ORDER BY d.account_name")
                .setParameter(1, ownerAccountId).setMaxResults(limit).getResultList();
        return names.stream().map(String::valueOf).toList();
    }

    @Override
    public long count(SharedQuery query) {
        return select(query, query.byMe() ? "select count(r)" : "select count(s)", "", false, Long.class)
                .getSingleResult();
    }

    /**
     * Shared by me: the account's repositories that have any share. Shared with me: one row per share that reaches
     * the account, with its repository.
     */
    private <T> TypedQuery<T> select(SharedQuery query, String projection, String order, boolean joinRepository,
                                     Class<T> type) {
        StringBuilder jpql = new StringBuilder(projection);
        if (query.byMe()) {
            jpql.append(" from ImageRepositoryRow r where r.accountId = :account"
                    + " and exists (select 1 from AccessDomainRow x where x.repositoryId = r.id)");
        } else {
            // The repository is joined only when asked or a filter reads it (a share's repository always exists).
            boolean readsRepository = joinRepository || query.ownerAccountName() != null
                    || query.namespaceContains() != null || query.nameContains() != null;
            jpql.append(readsRepository ? " from AccessDomainRow s, ImageRepositoryRow r where r.id = s.repositoryId"
                    + " and s.accountId = :account" : " from AccessDomainRow s where s.accountId = :account");
            if (query.valid() != null) {
                jpql.append(query.valid() ? " and (s.deadline is null or s.deadline > :now)"
                        : " and s.deadline <= :now");
            }
            if (query.ownerAccountName() != null) {
                jpql.append(" and r.accountId in (select a.id from AccountRow a where a.name = :owner)");
            }
        }
        RepositoryOrder.appendTextFilters(jpql, query.namespaceContains(), query.nameContains());
        TypedQuery<T> typed = em.createQuery(jpql.append(order).toString(), type).setParameter("account", query.accountId());
        if (!query.byMe() && query.valid() != null) {
            typed.setParameter("now", query.now());
        }
        if (!query.byMe() && query.ownerAccountName() != null) {
            typed.setParameter("owner", query.ownerAccountName());
        }
        RepositoryOrder.bindTextFilters(typed, query.namespaceContains(), query.nameContains());
        return typed;
    }
}
