package io.wharf.persistence.jpa;

import io.wharf.domain.usage.AccountOverview;
import io.wharf.domain.usage.DailyUsage;
import io.wharf.domain.usage.UsageReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import static io.wharf.persistence.jpa.JpaScanReports.s;

/** Usage from the repositories' own counters and the {@code account_usage_day} rows. */
@ApplicationScoped
public class JpaUsageReports implements UsageReports {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaUsageReports() {
    }

    public JpaUsageReports(EntityManager em) {
        this.em = em;
    }

    @Override
    public AccountOverview installation() {
        Object[] repos = (Object[]) em.createNativeQuery("SELECT COUNT(*), COALESCE(SUM(num_images), 0),"
                + " COALESCE(SUM(size_bytes), 0) FROM image_repository").getSingleResult();
        long namespaces = number(em.createNativeQuery("SELECT COUNT(*) FROM swr_namespace").getSingleResult());
        long downflow = number(em.createNativeQuery("SELECT COALESCE(SUM(downflow_bytes), 0) FROM account_usage_day")
                .getSingleResult());
        return new AccountOverview(namespaces, number(repos[0]), number(repos[1]), number(repos[2]), downflow);
    }

    @Override
    public AccountOverview overview(String accountId) {
        Object[] repos = (Object[]) em.createNativeQuery("SELECT COUNT(*), COALESCE(SUM(num_images), 0),"
                + " COALESCE(SUM(size_bytes), 0) FROM image_repository WHERE account_id = ?1").setParameter(1, accountId)
                .getSingleResult();
        long namespaces = number(em.createNativeQuery("SELECT COUNT(*) FROM swr_namespace WHERE account_id = ?1")
                .setParameter(1, accountId).getSingleResult());
        long downflow = number(em.createNativeQuery("SELECT COALESCE(SUM(downflow_bytes), 0) FROM account_usage_day"
                + " WHERE account_id = ?1").setParameter(1, accountId).getSingleResult());
        return new AccountOverview(namespaces, number(repos[0]), number(repos[1]), number(repos[2]), downflow);
    }

    @Override
    public void addDownflow(String accountId, LocalDate day, long bytes) {
        em.createNativeQuery("INSERT INTO account_usage_day (account_id, usage_day, store_bytes, downflow_bytes)"
                        + " VALUES (?1, ?2, 0, ?3) ON DUPLICATE KEY UPDATE downflow_bytes = downflow_bytes + ?3")
                .setParameter(1, accountId).setParameter(2, Date.valueOf(day)).setParameter(3, bytes).executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void snapshotStorage(LocalDate day) {
        List<Object[]> stored = em.createNativeQuery("SELECT account_id, COALESCE(SUM(size_bytes), 0) FROM image_repository"
                + " GROUP BY account_id").getResultList();
        for (Object[] row : stored) {
            em.createNativeQuery("INSERT INTO account_usage_day (account_id, usage_day, store_bytes, downflow_bytes)"
                            + " VALUES (?1, ?2, ?3, 0) ON DUPLICATE KEY UPDATE store_bytes = ?3")
                    .setParameter(1, s(row[0])).setParameter(2, Date.valueOf(day)).setParameter(3, number(row[1]))
                    .executeUpdate();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<DailyUsage> daily(String accountId, LocalDate from, LocalDate to) {
        List<Object[]> rows = em.createNativeQuery("SELECT usage_day, store_bytes, downflow_bytes FROM account_usage_day"
                        + " WHERE account_id = ?1 AND usage_day BETWEEN ?2 AND ?3 ORDER BY usage_day")
                .setParameter(1, accountId).setParameter(2, Date.valueOf(from)).setParameter(3, Date.valueOf(to))
                .getResultList();
        return rows.stream().map(r -> new DailyUsage(day(r[0]), number(r[1]), number(r[2]))).toList();
    }

    private static LocalDate day(Object value) {
        return value instanceof Date d ? d.toLocalDate() : value instanceof LocalDate l ? l : LocalDate.parse(value.toString());
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
