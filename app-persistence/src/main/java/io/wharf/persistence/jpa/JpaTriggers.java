package io.wharf.persistence.jpa;

import io.wharf.domain.error.Subject;
import io.wharf.domain.trigger.Trigger;
import io.wharf.domain.trigger.TriggerDelivery;
import io.wharf.domain.trigger.Triggers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.wharf.persistence.jpa.JpaScanReports.cut;
import static io.wharf.persistence.jpa.JpaScanReports.instant;
import static io.wharf.persistence.jpa.JpaScanReports.s;

/** Triggers as entities; deliveries by native SQL, claimed with a row lock so two servers never send one twice. */
@ApplicationScoped
public class JpaTriggers implements Triggers {
    private static final String DELIVERY = "SELECT id, trigger_id, tag, digest, pusher, payload, result, attempts,"
            + " response_code, duration_ms, detail, created_at, next_attempt_at FROM trigger_delivery ";

    /** Accounts with deliveries due looked at per claim, the longest waiting first. */
    private static final int MAX_ACCOUNTS_PER_CLAIM = 64;
    private static final String JOINED = " JOIN image_trigger t ON t.id = d.trigger_id"
            + " JOIN image_repository r ON r.id = t.repository_id";

    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaTriggers() {
    }

    public JpaTriggers(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(Trigger trigger) {
        Conflicts.persistOrConflict(em, new TriggerRow(trigger), Subject.TRIGGER,
                "The repository already has a trigger named " + trigger.name() + ".");
    }

    @Override
    public Optional<Trigger> byName(long repositoryId, String name) {
        return em.createQuery("SELECT t FROM TriggerRow t WHERE t.repositoryId = :repo AND t.name = :name", TriggerRow.class)
                .setParameter("repo", repositoryId).setParameter("name", name).getResultStream().findFirst()
                .map(TriggerRow::trigger);
    }

    @Override
    public Optional<Trigger> byId(long id) {
        return Optional.ofNullable(em.find(TriggerRow.class, id)).map(TriggerRow::trigger);
    }

    @Override
    public List<Trigger> of(long repositoryId) {
        return em.createQuery("SELECT t FROM TriggerRow t WHERE t.repositoryId = :repo ORDER BY t.id", TriggerRow.class)
                .setParameter("repo", repositoryId).getResultStream().map(TriggerRow::trigger).toList();
    }

    @Override
    public void enable(long id, boolean enabled) {
        TriggerRow row = em.find(TriggerRow.class, id);
        if (row != null) {
            row.enabled = enabled;
        }
    }

    @Override
    public boolean remove(long repositoryId, String name) {
        return em.createQuery("DELETE FROM TriggerRow t WHERE t.repositoryId = :repo AND t.name = :name")
                .setParameter("repo", repositoryId).setParameter("name", name).executeUpdate() > 0;
    }

    @Override
    public void queue(TriggerDelivery d) {
        em.createNativeQuery("INSERT INTO trigger_delivery (trigger_id, tag, digest, pusher, payload, result, attempts,"
                        + " response_code, duration_ms, detail, created_at, next_attempt_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
                .setParameter(1, d.triggerId()).setParameter(2, d.tag()).setParameter(3, d.digest())
                .setParameter(4, cut(d.pusher(), 64)).setParameter(5, d.payload()).setParameter(6, d.result())
                .setParameter(7, d.attempts()).setParameter(8, d.responseCode()).setParameter(9, d.durationMillis())
                .setParameter(10, cut(d.detail(), 512)).setParameter(11, Timestamp.from(d.createdAt()))
                .setParameter(12, Timestamp.from(d.nextAttemptAt())).executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Due> claimDue(Instant now, Instant leaseUntil, int limit, java.util.function.ToIntFunction<String> room) {
        // The accounts with deliveries due, the longest waiting first, then of each the oldest it has room for: one
        // account's backlog, however long, never hides another account's delivery. Read without locks (a lock would
        // reach the repositories' rows too); the chosen ones are then locked and claimed only if still due.
        List<Object[]> accounts = em.createNativeQuery("SELECT r.account_id, MIN(d.next_attempt_at) FROM trigger_delivery d"
                        + JOINED + " WHERE d.result = 'pending' AND d.next_attempt_at <= ?1 GROUP BY r.account_id"
                        + " ORDER BY MIN(d.next_attempt_at) LIMIT ?2")
                .setParameter(1, Timestamp.from(now)).setParameter(2, MAX_ACCOUNTS_PER_CLAIM).getResultList();
        java.util.Map<Long, String> chosen = new java.util.LinkedHashMap<>();
        for (Object[] account : accounts) {
            String id = s(account[0]);
            int free = Math.min(room.applyAsInt(id), limit - chosen.size());
            if (free <= 0) {
                continue;
            }
            List<?> oldest = em.createNativeQuery("SELECT d.id FROM trigger_delivery d" + JOINED
                            + " WHERE d.result = 'pending' AND d.next_attempt_at <= ?1 AND r.account_id = ?2"
                            + " ORDER BY d.next_attempt_at LIMIT ?3")
                    .setParameter(1, Timestamp.from(now)).setParameter(2, id).setParameter(3, free).getResultList();
            oldest.forEach(delivery -> chosen.put(((Number) delivery).longValue(), id));
            if (chosen.size() >= limit) {
                break;
            }
        }
        List<Due> claimed = new ArrayList<>();
        for (var entry : chosen.entrySet()) {
            for (TriggerDelivery d : deliveries(DELIVERY + "WHERE id = ?1 AND result = 'pending' AND next_attempt_at <= ?2"
                    + " FOR UPDATE", entry.getKey(), Timestamp.from(now))) {
                em.createNativeQuery("UPDATE trigger_delivery SET next_attempt_at = ?1 WHERE id = ?2")
                        .setParameter(1, Timestamp.from(leaseUntil)).setParameter(2, d.id()).executeUpdate();
                claimed.add(new Due(d, entry.getValue()));
            }
        }
        return claimed;
    }

    @Override
    public void attempted(TriggerDelivery d) {
        em.createNativeQuery("UPDATE trigger_delivery SET result = ?1, attempts = ?2, response_code = ?3,"
                        + " duration_ms = ?4, detail = ?5, next_attempt_at = ?6 WHERE id = ?7")
                .setParameter(1, d.result()).setParameter(2, d.attempts()).setParameter(3, d.responseCode())
                .setParameter(4, d.durationMillis()).setParameter(5, cut(d.detail(), 512))
                .setParameter(6, Timestamp.from(d.nextAttemptAt())).setParameter(7, d.id()).executeUpdate();
    }

    @Override
    public List<TriggerDelivery> deliveries(long triggerId, int offset, int limit) {
        return deliveries(DELIVERY + "WHERE trigger_id = ?1 ORDER BY id DESC LIMIT ?2 OFFSET ?3", triggerId, limit, offset);
    }

    @Override
    public long countDeliveries(long triggerId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM trigger_delivery WHERE trigger_id = ?1")
                .setParameter(1, triggerId).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<TriggerDelivery> deliveries(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new TriggerDelivery(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                s(r[2]), s(r[3]), s(r[4]), s(r[5]), s(r[6]), ((Number) r[7]).intValue(), ((Number) r[8]).intValue(),
                ((Number) r[9]).longValue(), s(r[10]), instant(r[11]), instant(r[12]))).toList();
    }
}
