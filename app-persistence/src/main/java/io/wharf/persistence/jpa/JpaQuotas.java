package io.wharf.persistence.jpa;

import io.wharf.domain.quota.QuotaKey;
import io.wharf.domain.quota.Quotas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Quota limits by native SQL; use counted from the organizations, repositories and blob links an account holds. */
@ApplicationScoped
public class JpaQuotas implements Quotas {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaQuotas() {
    }

    public JpaQuotas(EntityManager em) {
        this.em = em;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<QuotaKey, Long> limits(String accountId) {
        List<Object[]> rows = em.createNativeQuery("SELECT quota_key, quota_limit FROM account_quota WHERE account_id = ?1")
                .setParameter(1, accountId).getResultList();
        Map<QuotaKey, Long> limits = new EnumMap<>(QuotaKey.class);
        rows.forEach(r -> limits.put(QuotaKey.of((String) r[0], "quota_key"), ((Number) r[1]).longValue()));
        return limits;
    }

    @Override
    public void setLimit(String accountId, QuotaKey key, Long limit) {
        em.createNativeQuery("DELETE FROM account_quota WHERE account_id = ?1 AND quota_key = ?2")
                .setParameter(1, accountId).setParameter(2, key.key()).executeUpdate();
        if (limit != null) {
            em.createNativeQuery("INSERT INTO account_quota (account_id, quota_key, quota_limit) VALUES (?1, ?2, ?3)")
                    .setParameter(1, accountId).setParameter(2, key.key()).setParameter(3, limit).executeUpdate();
        }
    }

    @Override
    public long used(String accountId, QuotaKey key) {
        String sql = switch (key) {
            case NAMESPACE -> "SELECT COUNT(*) FROM swr_namespace WHERE account_id = ?1";
            case REPOSITORY -> "SELECT COUNT(*) FROM image_repository WHERE account_id = ?1";
            case STORAGE -> "SELECT COALESCE(SUM(b.size_bytes), 0) FROM repository_blob b"
                    + " JOIN image_repository r ON r.id = b.repository_id WHERE r.account_id = ?1";
        };
        return ((Number) em.createNativeQuery(sql).setParameter(1, accountId).getSingleResult()).longValue();
    }

    @Override
    public void lock(String accountId) {
        em.createNativeQuery("SELECT id FROM account WHERE id = ?1 FOR UPDATE").setParameter(1, accountId).getResultList();
    }
}
