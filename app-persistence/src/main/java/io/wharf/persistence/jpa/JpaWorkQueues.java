package io.wharf.persistence.jpa;

import io.wharf.domain.cluster.WorkQueues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The queues' lengths, each one indexed count. */
@ApplicationScoped
public class JpaWorkQueues implements WorkQueues {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaWorkQueues() {
    }

    public JpaWorkQueues(EntityManager em) {
        this.em = em;
    }

    @Override
    public long scansWaiting() {
        return count("SELECT COUNT(*) FROM image_scan WHERE status = 'waiting_for_scan'");
    }

    @Override
    public long syncJobsWaiting() {
        return count("SELECT COUNT(*) FROM sync_job WHERE status = 'waiting'");
    }

    @Override
    public long webhooksPending() {
        return count("SELECT COUNT(*) FROM trigger_delivery WHERE result = 'pending'");
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
