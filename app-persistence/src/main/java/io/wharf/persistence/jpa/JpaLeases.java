package io.wharf.persistence.jpa;

import io.wharf.domain.cluster.Leases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Leases in {@code job_lease}. Taking one is a single conditional UPDATE, so two nodes racing for it cannot both win:
 * on one MariaDB the row lock orders them, on Galera the loser's write set fails certification (and its use case is
 * run again, finding the lease taken).
 */
@ApplicationScoped
public class JpaLeases implements Leases {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaLeases() {
    }

    public JpaLeases(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean acquire(String name, String node, Duration ttl, Duration interval, Instant now) {
        // The row exists from the first take on (an upsert: no duplicate-key error, no shared lock to deadlock on).
        em.createNativeQuery("INSERT INTO job_lease (name, holder, expires_at) VALUES (?1, NULL, ?2)"
                        + " ON DUPLICATE KEY UPDATE name = name")
                .setParameter(1, name).setParameter(2, Timestamp.from(now)).executeUpdate();
        String due = interval == null ? "" : " AND (finished_at IS NULL OR finished_at <= ?5)";
        // Free: held by this node, by none, past its time — or by a node that is itself gone (its own lease ran out),
        // so that a dead node's job is taken over within a node lease's life, not the job lease's.
        var update = em.createNativeQuery("UPDATE job_lease SET holder = ?2, expires_at = ?3 WHERE name = ?1"
                        + " AND (holder = ?2 OR holder IS NULL OR expires_at <= ?4 OR NOT EXISTS (SELECT 1 FROM"
                        + " (SELECT name, holder, expires_at FROM job_lease) n WHERE n.name = CONCAT('" + NODE
                        + "', job_lease.holder) AND n.holder = job_lease.holder AND n.expires_at > ?4))" + due)
                .setParameter(1, name).setParameter(2, node).setParameter(3, Timestamp.from(now.plus(ttl)))
                .setParameter(4, Timestamp.from(now));
        if (interval != null) {
            update.setParameter(5, Timestamp.from(now.minus(interval)));
        }
        return update.executeUpdate() == 1;
    }

    @Override
    public void finish(String name, String node, Instant now) {
        em.createNativeQuery("UPDATE job_lease SET holder = NULL, expires_at = ?3, finished_at = ?3"
                        + " WHERE name = ?1 AND holder = ?2")
                .setParameter(1, name).setParameter(2, node).setParameter(3, Timestamp.from(now)).executeUpdate();
    }

    @Override
    public void release(String name, String node, Instant now) {
        em.createNativeQuery("UPDATE job_lease SET holder = NULL, expires_at = ?3 WHERE name = ?1 AND holder = ?2")
                .setParameter(1, name).setParameter(2, node).setParameter(3, Timestamp.from(now)).executeUpdate();
    }

    @Override
    public boolean isLive(String node, Instant now) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM job_lease WHERE name = ?1 AND holder = ?2"
                        + " AND expires_at > ?3").setParameter(1, NODE + node).setParameter(2, node)
                .setParameter(3, Timestamp.from(now)).getSingleResult()).longValue() > 0;
    }

    /** The SQL condition "the node in {@code column} holds no live lease" ({@code ?now} bound by the caller). */
    static String nodeGone(String column, int nowParameter) {
        return "(" + column + " IS NULL OR NOT EXISTS (SELECT 1 FROM job_lease l WHERE l.name = CONCAT('" + NODE
                + "', " + column + ") AND l.holder = " + column + " AND l.expires_at > ?" + nowParameter + "))";
    }
}
