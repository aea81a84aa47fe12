package io.wharf.persistence.jpa;

import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.ImageTag;
import io.wharf.domain.repository.TagPulls;
import io.wharf.domain.repository.ImageTags;
import io.wharf.domain.repository.TagQuery;
import io.wharf.domain.repository.TaggedImage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaImageTags implements ImageTags {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaImageTags() {
    }

    public JpaImageTags(EntityManager em) {
        this.em = em;
    }

    @Override
    public ImageTag put(ImageRepository repository, String tag, TaggedImage image) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ImageTagRow row = row(repository.id(), tag).orElseGet(() -> {
            ImageTagRow created = new ImageTagRow();
            created.repositoryId = repository.id();
            created.accountId = repository.accountId();
            created.tag = tag;
            created.createdAt = now;
            return created;
        });
        boolean added = row.id == null;
        long sizeBefore = added ? 0 : row.size;
        row.digest = image.digest();
        row.imageId = image.imageId();
        row.manifest = image.manifest();
        row.schema = image.schema();
        row.size = image.size();
        row.tagType = image.tagType();
        row.mediaType = image.mediaType();
        row.architectures = image.architectures();
        row.updatedAt = now;
        if (added) {
            em.persist(row);
        }
        em.flush();
        adjustTotals(repository.id(), image.size() - sizeBefore, added ? 1 : 0, now);
        return row.toTag();
    }

    /**
     * Size, image count and update time of a repository follow its tags, adjusted by the change on the locked row
     * (summing every tag on each push grew with the repository, under the lock racing pushes wait on); a push holds
     * that lock already, so this reads nothing more.
     */
    private void adjustTotals(long repositoryId, long sizeDelta, int countDelta, Instant now) {
        ImageRepositoryRow repository = em.find(ImageRepositoryRow.class, repositoryId, LockModeType.PESSIMISTIC_WRITE);
        repository.size += sizeDelta;
        repository.numImages += countDelta;
        repository.updatedAt = now;
        JpaAccessDomains.followRepository(em, repository);
    }

    private Optional<ImageTagRow> row(long repositoryId, String tag) {
        return em.createQuery("select t from ImageTagRow t where t.repositoryId = :id and t.tag = :tag", ImageTagRow.class)
                .setParameter("id", repositoryId).setParameter("tag", tag).getResultList().stream().findFirst();
    }

    @Override
    public List<ImageTag> byDigest(long repositoryId, String digest) {
        return em.createQuery("select t from ImageTagRow t where t.repositoryId = :id and t.digest = :digest order by t.tag",
                        ImageTagRow.class)
                .setParameter("id", repositoryId).setParameter("digest", digest)
                .getResultList().stream().map(ImageTagRow::toTag).toList();
    }

    @Override
    public Optional<ImageTag> byTag(long repositoryId, String tag) {
        return row(repositoryId, tag).map(ImageTagRow::toTag);
    }

    @Override
    public List<ImageTag> list(TagQuery query) {
        String direction = query.descending() ? " desc" : " asc";
        String order = " order by " + (query.byUpdateTime() ? "t.updatedAt" : "t.tag") + direction + ", t.id" + direction;
        return select(query, "select t", order, ImageTagRow.class)
                .setFirstResult(query.offset()).setMaxResults(query.limit())
                .getResultList().stream().map(ImageTagRow::toTag).toList();
    }

    @Override
    public long count(TagQuery query) {
        return select(query, "select count(t)", "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> select(TagQuery query, String projection, String order, Class<T> type) {
        String jpql = projection + " from ImageTagRow t where t.repositoryId = :id"
                + (query.tagContains() == null ? "" : " and t.tag like :tag escape '!'") + order;
        TypedQuery<T> typed = em.createQuery(jpql, type).setParameter("id", query.repositoryId());
        if (query.tagContains() != null) {
            typed.setParameter("tag", Likes.containing(query.tagContains()));
        }
        return typed;
    }

    @Override
    public Map<Long, List<String>> namesOf(Collection<Long> repositoryIds) {
        Map<Long, List<String>> names = new LinkedHashMap<>();
        if (repositoryIds.isEmpty()) {
            return names;
        }
        // In the unique index's order (repository, tag): read straight off it, where a global order by tag sorted them all.
        InList.bind(em.createQuery("select t.repositoryId, t.tag from ImageTagRow t where t.repositoryId in "
                                + InList.of("ids", repositoryIds.size()) + " order by t.repositoryId, t.tag", Object[].class),
                        "ids", repositoryIds)
                .getResultList().stream()
                .forEach(pair -> names.computeIfAbsent((Long) pair[0], id -> new ArrayList<>()).add((String) pair[1]));
        return names;
    }

    @Override
    public void countPull(long repositoryId, String reference, Instant at) {
        String column = reference.contains(":") ? "digest" : "tag";
        em.createNativeQuery("UPDATE image_tag SET pull_count = pull_count + 1, pulled_at = ?3 WHERE repository_id = ?1 AND "
                        + column + " = ?2")
                .setParameter(1, repositoryId).setParameter(2, reference).setParameter(3, java.sql.Timestamp.from(at))
                .executeUpdate();
    }

    @Override
    public Map<String, TagPulls> pulls(long repositoryId, Collection<String> names) {
        Map<String, TagPulls> pulls = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return pulls;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT tag, pull_count, pulled_at FROM image_tag WHERE repository_id = ?1"
                + " AND pull_count > 0 AND tag IN (?2)").setParameter(1, repositoryId).setParameter(2, List.copyOf(names))
                .getResultList();
        rows.forEach(r -> pulls.put((String) r[0], new TagPulls(((Number) r[1]).longValue(),
                r[2] instanceof java.sql.Timestamp t ? t.toInstant()
                        : r[2] instanceof java.time.LocalDateTime l ? java.sql.Timestamp.valueOf(l).toInstant() : null)));
        return pulls;
    }

    @Override
    public List<ImageTag> withDigestPrefix(Collection<Long> repositoryIds, String digestPrefix, int limit) {
        if (repositoryIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select t from ImageTagRow t where t.repositoryId in :ids and t.digest like :prefix escape '!'"
                        + " order by t.updatedAt desc", ImageTagRow.class)
                .setParameter("ids", repositoryIds).setParameter("prefix", Likes.startingWith(digestPrefix))
                .setMaxResults(limit).getResultList().stream().map(ImageTagRow::toTag).toList();
    }

    @Override
    public void remove(ImageRepository repository, ImageTag tag) {
        int removed = em.createQuery("delete from ImageTagRow t where t.id = :id").setParameter("id", tag.id())
                .executeUpdate();
        if (removed > 0) {
            adjustTotals(repository.id(), -tag.size(), -1, Instant.now().truncatedTo(ChronoUnit.MICROS));
        }
    }

    @Override
    public List<String> namesAfter(long repositoryId, String after, int limit) {
        TypedQuery<String> query = em.createQuery("select t.tag from ImageTagRow t where t.repositoryId = :id"
                        + (after == null ? "" : " and t.tag > :after") + " order by t.tag", String.class)
                .setParameter("id", repositoryId).setMaxResults(limit);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.getResultList();
    }
}
