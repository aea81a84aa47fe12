package io.wharf.persistence.jpa;

import io.wharf.domain.error.Subject;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.repository.Category;
import io.wharf.domain.repository.ImageRepositories;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.RepositoryDetails;
import io.wharf.domain.repository.RepositoryName;
import io.wharf.domain.repository.RepositoryQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaImageRepositories implements ImageRepositories {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaImageRepositories() {
    }

    public JpaImageRepositories(EntityManager em) {
        this.em = em;
    }

    @Override
    public ImageRepository add(Namespace namespace, RepositoryName name, RepositoryDetails details, String creatorId,
                               String creatorName) {
        ImageRepositoryRow row = new ImageRepositoryRow();
        row.namespaceId = namespace.id();
        row.namespaceName = namespace.name().value();
        row.accountId = namespace.accountId();
        row.name = name.value();
        apply(row, details);
        row.creatorId = creatorId;
        row.creatorName = creatorName;
        row.createdAt = row.updatedAt;
        Conflicts.persistOrConflict(em, row, Subject.REPOSITORY,
                "The image repository " + namespace.name() + "/" + name + " already exists.");
        return row.toRepository();
    }

    private static void apply(ImageRepositoryRow row, RepositoryDetails details) {
        row.category = details.category().apiName();
        row.description = details.description();
        row.isPublic = details.isPublic();
        row.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public Optional<ImageRepository> byName(NamespaceName namespace, RepositoryName name) {
        return em.createQuery("select r from ImageRepositoryRow r where r.namespaceName = :ns and r.name = :name",
                        ImageRepositoryRow.class)
                .setParameter("ns", namespace.value()).setParameter("name", name.value())
                .getResultList().stream().findFirst().map(ImageRepositoryRow::toRepository);
    }

    @Override
    public Optional<ImageRepository> byId(long id) {
        return Optional.ofNullable(em.find(ImageRepositoryRow.class, id)).map(ImageRepositoryRow::toRepository);
    }

    @Override
    public ImageRepository update(ImageRepository repository, RepositoryDetails details) {
        ImageRepositoryRow row = em.find(ImageRepositoryRow.class, repository.id());
        apply(row, details);
        JpaAccessDomains.followRepository(em, row);
        return row.toRepository();
    }

    /**
     * The row read with its lock; when missing, an upsert that never fails on a duplicate (which would spoil the
     * transaction) creates it first.
     */
    @Override
    public ImageRepository lockForPush(Namespace namespace, RepositoryName name, String creatorId, String creatorName) {
        return locked(namespace, name).orElseGet(() -> {
            create(namespace, name, creatorId, creatorName);
            return locked(namespace, name).orElseThrow();
        });
    }

    @Override
    public ImageRepository forPush(Namespace namespace, RepositoryName name, String creatorId, String creatorName) {
        return byName(namespace.name(), name).orElseGet(() -> {
            create(namespace, name, creatorId, creatorName);
            return byName(namespace.name(), name).orElseThrow();
        });
    }

    private void create(Namespace namespace, RepositoryName name, String creatorId, String creatorName) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("INSERT INTO image_repository (namespace_id, namespace_name, account_id, name, category,"
                        + " description, is_public, creator_id, creator_name, created_at, updated_at, size_bytes,"
                        + " num_images, num_download) VALUES (?1, ?2, ?3, ?4, ?5, '', FALSE, ?6, ?7, ?8, ?8, 0, 0, 0)"
                        + " ON DUPLICATE KEY UPDATE id = id")
                .setParameter(1, namespace.id()).setParameter(2, namespace.name().value())
                .setParameter(3, namespace.accountId()).setParameter(4, name.value())
                .setParameter(5, Category.OTHER.apiName()).setParameter(6, creatorId).setParameter(7, creatorName)
                .setParameter(8, now).executeUpdate();
    }

    private Optional<ImageRepository> locked(Namespace namespace, RepositoryName name) {
        return em.createQuery("select r from ImageRepositoryRow r where r.namespaceId = :ns and r.name = :name",
                        ImageRepositoryRow.class)
                .setParameter("ns", namespace.id()).setParameter("name", name.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().stream().findFirst()
                .map(ImageRepositoryRow::toRepository);
    }

    @Override
    public void countDownload(long repositoryId) {
        em.createQuery("update ImageRepositoryRow r set r.numDownload = r.numDownload + 1 where r.id = :id")
                .setParameter("id", repositoryId).executeUpdate();
    }

    @Override
    public void remove(ImageRepository repository) {
        em.createQuery("delete from ImageTagRow t where t.repositoryId = :id").setParameter("id", repository.id())
                .executeUpdate();
        em.createQuery("delete from GrantRow g where g.scope = 'REPOSITORY' and g.targetId = :id")
                .setParameter("id", repository.id()).executeUpdate();
        em.createQuery("delete from ImageRepositoryRow r where r.id = :id").setParameter("id", repository.id())
                .executeUpdate();
    }

    @Override
    public List<ImageRepository> list(RepositoryQuery query) {
        return select(query, "select " + ImageRepositoryRow.COLUMNS,
                RepositoryOrder.of(query.order(), query.descending()), Object[].class)
                .setFirstResult(query.offset()).setMaxResults(query.limit())
                .getResultList().stream().map(row -> ImageRepositoryRow.toRepository(row, 0)).toList();
    }

    @Override
    public long count(RepositoryQuery query) {
        return select(query, "select count(r)", "", Long.class).getSingleResult();
    }

    @Override
    public List<String> catalog(String accountId, String visibleTo, Instant now, String after, int limit) {
        StringBuilder jpql = new StringBuilder("select r.namespaceName, r.name from ImageRepositoryRow r where ((")
                .append(VisibilityClauses.ownRepositories("r", visibleTo == null)).append(") or ")
                .append(VisibilityClauses.sharedRepositories("r")).append(")");
        int slash = after == null ? -1 : after.indexOf('/');
        if (slash > 0) {
            jpql.append(" and (r.namespaceName > :afterNs or (r.namespaceName = :afterNs and r.name > :afterName))");
        }
        TypedQuery<Object[]> typed = em.createQuery(jpql.append(" order by r.namespaceName, r.name").toString(),
                        Object[].class)
                .setParameter("account", accountId).setParameter("now", now).setMaxResults(limit);
        if (visibleTo != null) {
            typed.setParameter("user", visibleTo);
        }
        if (slash > 0) {
            typed.setParameter("afterNs", after.substring(0, slash)).setParameter("afterName", after.substring(slash + 1));
        }
        return typed.getResultList().stream().map(pair -> pair[0] + "/" + pair[1]).toList();
    }

    private <T> TypedQuery<T> select(RepositoryQuery query, String projection, String order, Class<T> type) {
        StringBuilder jpql = new StringBuilder(projection).append(" from ImageRepositoryRow r where ")
                .append(VisibilityClauses.ownRepositories("r", query.visibleTo() == null));
        if (query.namespaceId() != null) {
            jpql.append(" and r.namespaceId = :nsId");
        }
        RepositoryOrder.appendTextFilters(jpql, query.namespaceContains(), query.nameContains());
        if (query.category() != null) {
            jpql.append(" and r.category = :category");
        }
        if (query.isPublic() != null) {
            jpql.append(" and r.isPublic = :public");
        }
        TypedQuery<T> typed = em.createQuery(jpql.append(order).toString(), type).setParameter("account", query.accountId());
        if (query.visibleTo() != null) {
            typed.setParameter("user", query.visibleTo());
        }
        if (query.namespaceId() != null) {
            typed.setParameter("nsId", query.namespaceId());
        }
        RepositoryOrder.bindTextFilters(typed, query.namespaceContains(), query.nameContains());
        if (query.category() != null) {
            typed.setParameter("category", query.category().apiName());
        }
        if (query.isPublic() != null) {
            typed.setParameter("public", query.isPublic());
        }
        return typed;
    }

    @Override
    public long countInNamespace(long namespaceId) {
        return em.createQuery("select count(r) from ImageRepositoryRow r where r.namespaceId = :ns", Long.class)
                .setParameter("ns", namespaceId).getSingleResult();
    }
}
