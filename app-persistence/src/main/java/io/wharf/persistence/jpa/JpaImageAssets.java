package io.wharf.persistence.jpa;

import io.wharf.domain.asset.AssetQuery;
import io.wharf.domain.asset.ImageAsset;
import io.wharf.domain.asset.ImageAssets;
import io.wharf.domain.asset.ImageType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class JpaImageAssets implements ImageAssets {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaImageAssets() {
    }

    public JpaImageAssets(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<ImageAsset> list(AssetQuery query) {
        if (query.type().synced()) {
            return synced(query, "select i", " order by i.syncedAt desc, i.id desc", SyncedImageRow.class)
                    .setHint(Hints.READ_ONLY, true)
                    .setFirstResult(query.offset()).setMaxResults(query.limit())
                    .getResultStream().map(i -> {
                        int slash = i.repository.indexOf('/');
                        String namespace = slash < 0 ? "" : i.repository.substring(0, slash);
                        String name = slash < 0 ? i.repository : i.repository.substring(slash + 1);
                        boolean index = i.mediaType.contains("index") || i.mediaType.contains("list");
                        return new ImageAsset(i.id, -i.registryId, namespace, name, i.digest, i.digest, i.tag,
                                query.type(), i.size, "", index, i.syncedAt, i.accountId, null);
                    }).toList();
        }
        boolean shared = query.type() == ImageType.SHARED_IMAGE;
        return select(query, shared ? "select t, r, s" : "select t, r", " order by t.updatedAt desc, t.id desc",
                Object[].class)
                .setHint(Hints.READ_ONLY, true)
                .setFirstResult(query.offset()).setMaxResults(query.limit())
                .getResultStream().map(row -> {
                    ImageTagRow t = (ImageTagRow) row[0];
                    ImageRepositoryRow r = (ImageRepositoryRow) row[1];
                    Boolean valid = shared ? isValid((AccessDomainRow) row[2], query.now()) : null;
                    return new ImageAsset(t.id, r.id, r.namespaceName, r.name, t.imageId, t.digest, t.tag, query.type(),
                            t.size, t.architectures, t.tagType == 1, t.updatedAt, r.accountId, valid);
                }).toList();
    }

    private static boolean isValid(AccessDomainRow share, Instant now) {
        return share.deadline == null || share.deadline.isAfter(now);
    }

    @Override
    public long count(AssetQuery query) {
        if (query.type().synced()) {
            return synced(query, "select count(i)", "", Long.class).getSingleResult();
        }
        return select(query, "select count(t)", "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> select(AssetQuery query, String projection, String order, Class<T> type) {
        boolean shared = query.type() == ImageType.SHARED_IMAGE;
        StringBuilder jpql = new StringBuilder(projection);
        if (shared) {
            jpql.append(" from ImageTagRow t, ImageRepositoryRow r, AccessDomainRow s where t.repositoryId = r.id"
                    + " and s.repositoryId = r.id and s.accountId = :account");
        } else {
            jpql.append(" from ImageTagRow t, ImageRepositoryRow r where t.repositoryId = r.id and r.accountId = :account");
            if (query.visibleTo() != null) {
                jpql.append(JpaImageRepositories.VISIBLE_TO_USER);
            }
        }
        if (query.namespace() != null) {
            jpql.append(" and r.namespaceName = :namespace");
        }
        if (query.nameContains() != null) {
            jpql.append(" and r.name like :name escape '!'");
        }
        if (query.version() != null) {
            jpql.append(" and t.tag = :version");
        }
        if (query.latestOnly()) {
            jpql.append(" and t.updatedAt = (select max(t2.updatedAt) from ImageTagRow t2 where t2.repositoryId = t.repositoryId)");
        }
        if (query.minimumSize() != null) {
            jpql.append(" and t.size >= :size");
        }
        if (query.updatedFrom() != null) {
            jpql.append(" and t.updatedAt >= :from");
        }
        if (query.updatedTo() != null) {
            jpql.append(" and t.updatedAt <= :to");
        }
        TypedQuery<T> typed = em.createQuery(jpql.append(order).toString(), type).setParameter("account", query.accountId());
        if (!shared && query.visibleTo() != null) {
            typed.setParameter("user", query.visibleTo());
        }
        if (query.namespace() != null) {
            typed.setParameter("namespace", query.namespace());
        }
        if (query.nameContains() != null) {
            typed.setParameter("name", Likes.containing(query.nameContains()));
        }
        if (query.version() != null) {
            typed.setParameter("version", query.version());
        }
        if (query.minimumSize() != null) {
            typed.setParameter("size", query.minimumSize());
        }
        if (query.updatedFrom() != null) {
            typed.setParameter("from", query.updatedFrom());
        }
        if (query.updatedTo() != null) {
            typed.setParameter("to", query.updatedTo());
        }
        return typed;
    }

    /** Images synced from the account's remote registries of one kind; a repository is {@code <namespace>/<name>}. */
    private <T> TypedQuery<T> synced(AssetQuery query, String projection, String order, Class<T> type) {
        StringBuilder jpql = new StringBuilder(projection).append(" from SyncedImageRow i where i.accountId = :account"
                + " and i.registryType = :registryType");
        if (query.namespace() != null) {
            jpql.append(" and i.repository like :namespace escape '!'");
        }
        if (query.nameContains() != null) {
            jpql.append(" and i.repository like :name escape '!'");
        }
        if (query.version() != null) {
            jpql.append(" and i.tag = :version");
        }
        if (query.latestOnly()) {
            jpql.append(" and i.syncedAt = (select max(i2.syncedAt) from SyncedImageRow i2"
                    + " where i2.registryId = i.registryId and i2.repository = i.repository)");
        }
        if (query.minimumSize() != null) {
            jpql.append(" and i.size >= :size");
        }
        if (query.updatedFrom() != null) {
            jpql.append(" and i.syncedAt >= :from");
        }
        if (query.updatedTo() != null) {
            jpql.append(" and i.syncedAt <= :to");
        }
        TypedQuery<T> typed = em.createQuery(jpql.append(order).toString(), type)
                .setParameter("account", query.accountId()).setParameter("registryType", query.type().registryType());
        if (query.namespace() != null) {
            typed.setParameter("namespace", Likes.startingWith(query.namespace() + "/"));
        }
        if (query.nameContains() != null) {
            typed.setParameter("name", Likes.containing(query.nameContains()));
        }
        if (query.version() != null) {
            typed.setParameter("version", query.version());
        }
        if (query.minimumSize() != null) {
            typed.setParameter("size", query.minimumSize());
        }
        if (query.updatedFrom() != null) {
            typed.setParameter("from", query.updatedFrom());
        }
        if (query.updatedTo() != null) {
            typed.setParameter("to", query.updatedTo());
        }
        return typed;
    }

    @Override
    public Map<Long, Instant> latestUpdates(Collection<Long> repositoryIds) {
        Map<Long, Instant> latest = new HashMap<>();
        if (repositoryIds.isEmpty()) {
            return latest;
        }
        em.createQuery("select t.repositoryId, max(t.updatedAt) from ImageTagRow t where t.repositoryId in :ids"
                        + " group by t.repositoryId", Object[].class)
                .setParameter("ids", repositoryIds).getResultStream()
                .forEach(pair -> latest.put((Long) pair[0], (Instant) pair[1]));
        return latest;
    }
}
