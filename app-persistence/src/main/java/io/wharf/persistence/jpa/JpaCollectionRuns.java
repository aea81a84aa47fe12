package io.wharf.persistence.jpa;

import io.wharf.domain.registry.CollectionRun;
import io.wharf.domain.registry.CollectionRuns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Garbage collections in the {@code garbage_collection} table. */
@ApplicationScoped
public class JpaCollectionRuns implements CollectionRuns {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaCollectionRuns() {
    }

    public JpaCollectionRuns(EntityManager em) {
        this.em = em;
    }

    @Override
    public void record(CollectionRun run) {
        em.createNativeQuery("INSERT INTO garbage_collection (started_at, finished_at, scheduled, links_removed,"
                        + " blobs_removed, bytes_freed) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, Timestamp.from(run.startedAt())).setParameter(2, Timestamp.from(run.finishedAt()))
                .setParameter(3, run.scheduled()).setParameter(4, run.links()).setParameter(5, run.blobs())
                .setParameter(6, run.bytes()).executeUpdate();
    }

    @Override
    public List<CollectionRun> latest(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT started_at, finished_at, scheduled, links_removed,"
                + " blobs_removed, bytes_freed FROM garbage_collection ORDER BY started_at DESC, id DESC")
                .setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new CollectionRun(instant(r[0]), instant(r[1]), Boolean.TRUE.equals(r[2])
                || (r[2] instanceof Number n && n.intValue() != 0), ((Number) r[3]).intValue(), ((Number) r[4]).intValue(),
                ((Number) r[5]).longValue())).toList();
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return Timestamp.valueOf(l).toInstant();
        }
        return ((java.time.OffsetDateTime) value).toInstant();
    }
}
