package io.wharf.persistence.jpa;

import io.wharf.domain.audit.AuditQuery;
import io.wharf.domain.audit.AuditTrace;
import io.wharf.domain.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.wharf.persistence.jpa.JpaScanReports.cut;
import static io.wharf.persistence.jpa.JpaScanReports.instant;
import static io.wharf.persistence.jpa.JpaScanReports.s;

/** The audit trail by native SQL: a batch is one multi-row insert; queries page by id, newest first. */
@ApplicationScoped
public class JpaAuditTrail implements AuditTrail {
    private static final String COLUMNS = "trace_id, record_time, service_type, trace_name, trace_rating, resource_type,"
            + " resource_name, account_id, account_name, user_id, user_name, access_key, http_method, request_path, code,"
            + " source_ip, request_id";
    private static final int WIDTH = 17;

    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaAuditTrail() {
    }

    public JpaAuditTrail(EntityManager em) {
        this.em = em;
    }

    @Override
    public void append(List<AuditTrace> traces) {
        for (int start = 0; start < traces.size(); start += 100) {
            List<AuditTrace> batch = traces.subList(start, Math.min(traces.size(), start + 100));
            StringBuilder sql = new StringBuilder("INSERT INTO audit_trace (" + COLUMNS + ") VALUES ");
            for (int i = 0; i < batch.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append('(');
                for (int c = 1; c <= WIDTH; c++) {
                    sql.append(c == 1 ? "" : ", ").append('?').append(i * WIDTH + c);
                }
                sql.append(')');
            }
            var insert = em.createNativeQuery(sql.toString());
            for (int i = 0; i < batch.size(); i++) {
                AuditTrace t = batch.get(i);
                Object[] values = {t.traceId(), Timestamp.from(t.time()), cut(t.serviceType(), 16), cut(t.traceName(), 64),
                        t.rating(), cut(t.resourceType(), 64), cut(t.resourceName(), 512), cut(t.accountId(), 32),
                        cut(t.accountName(), 64), cut(t.userId(), 32), cut(t.userName(), 64), cut(t.accessKey(), 64),
                        cut(t.method(), 8), cut(t.path(), 1024), t.code(), cut(t.sourceIp(), 64), cut(t.requestId(), 64)};
                for (int c = 0; c < WIDTH; c++) {
                    insert.setParameter(i * WIDTH + c + 1, values[c]);
                }
            }
            insert.executeUpdate();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<AuditTrace> find(AuditQuery q) {
        StringBuilder where = new StringBuilder(" WHERE account_id = ?1 AND record_time >= ?2 AND record_time < ?3");
        List<Object> parameters = new ArrayList<>(List.of(q.accountId(), Timestamp.from(q.from()), Timestamp.from(q.to())));
        condition(where, parameters, "user_id = ", q.onlyUserId());
        condition(where, parameters, "user_name = ", q.userName());
        condition(where, parameters, "service_type = ", q.serviceType());
        condition(where, parameters, "resource_type = ", q.resourceType());
        condition(where, parameters, "trace_name = ", q.traceName());
        condition(where, parameters, "trace_rating = ", q.rating());
        if (q.resourceName() != null && !q.resourceName().isEmpty()) {
            parameters.add(Likes.containing(q.resourceName()));
            where.append(" AND resource_name LIKE ?").append(parameters.size()).append(" ESCAPE '!'");
        }
        if (q.before() > 0) {
            parameters.add(q.before());
            where.append(" AND id < ?").append(parameters.size());
        }
        parameters.add(q.limit());
        var query = em.createNativeQuery("SELECT id, " + COLUMNS + " FROM audit_trace" + where + " ORDER BY id DESC LIMIT ?"
                + parameters.size());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new AuditTrace(((Number) r[0]).longValue(), s(r[1]), instant(r[2]), s(r[3]), s(r[4]),
                s(r[5]), s(r[6]), s(r[7]), s(r[8]), s(r[9]), s(r[10]), s(r[11]), s(r[12]), s(r[13]), s(r[14]),
                ((Number) r[15]).intValue(), s(r[16]), s(r[17]))).toList();
    }

    private static void condition(StringBuilder where, List<Object> parameters, String column, String value) {
        if (value != null && !value.isEmpty()) {
            parameters.add(value);
            where.append(" AND ").append(column).append('?').append(parameters.size());
        }
    }

    @Override
    public java.util.Map<java.time.LocalDate, Long> dailyCounts(String accountId, String onlyUserId, String serviceType,
                                                                String traceName, Instant from) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT CAST(record_time AS DATE), COUNT(*) FROM audit_trace"
                        + " WHERE account_id = ?1 AND service_type = ?2 AND trace_name = ?3 AND record_time >= ?4"
                        + " AND (?5 IS NULL OR user_id = ?5) GROUP BY CAST(record_time AS DATE)")
                .setParameter(1, accountId).setParameter(2, serviceType).setParameter(3, traceName)
                .setParameter(4, Timestamp.from(from)).setParameter(5, onlyUserId).getResultList();
        java.util.Map<java.time.LocalDate, Long> counts = new java.util.TreeMap<>();
        rows.forEach(r -> counts.put(r[0] instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) r[0],
                ((Number) r[1]).longValue()));
        return counts;
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM audit_trace WHERE record_time < ?1").setParameter(1, Timestamp.from(cutoff))
                .executeUpdate();
    }
}
