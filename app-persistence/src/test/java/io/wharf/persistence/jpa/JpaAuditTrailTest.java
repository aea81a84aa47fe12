package io.wharf.persistence.jpa;

import io.wharf.domain.audit.AuditQuery;
import io.wharf.domain.audit.AuditTrace;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The audit trail on MariaDB: a batch in one insert, filters and marker paging, the purge. */
class JpaAuditTrailTest {

    private static AuditTrace trace(int n, String account, String user, String action, Instant at) {
        return new AuditTrace(0, "t" + n, at, "SWR", action, AuditTrace.NORMAL, "namespace", "team_" + n + "%", account,
                "acme", "u-" + user, user, "", "POST", "/v2/manage/namespaces", 201, "10.0.0.1", "r" + n);
    }

    private static AuditQuery query(String account, String user, String action, String resource, long before, int limit) {
        Instant now = Instant.now();
        return new AuditQuery(account, null, now.minus(Duration.ofDays(1)), now.plusSeconds(5), user, null, null, resource,
                action, null, before, limit);
    }

    @Test
    void tracesAreFilteredPagedAndPurged() throws Exception {
        try (MariaDbTestDatabase db = new MariaDbTestDatabase()) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<AuditTrace> batch = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                batch.add(trace(i, i % 2 == 0 ? "a1" : "a2", i % 4 == 0 ? "carol" : "dave", i % 3 == 0 ? "push" : "pull", now));
            }
            batch.add(trace(999, "a1", "carol", "push", now.minus(Duration.ofDays(200))));
            db.inTransaction(em -> {
                new JpaAuditTrail(em).append(batch);
                return null;
            });
            List<AuditTrace> carols = db.inTransaction(em -> new JpaAuditTrail(em).find(query("a1", "carol", null, null, 0, 1000)));
            assertEquals(63, carols.size(), "every fourth of 250, the 200-day-old one outside the range");
            assertEquals("t248", carols.get(0).traceId(), "newest first");
            List<AuditTrace> page = db.inTransaction(em -> new JpaAuditTrail(em).find(query("a1", null, "push", null, 0, 10)));
            List<AuditTrace> next = db.inTransaction(em -> new JpaAuditTrail(em).find(query("a1", null, "push", null,
                    page.get(9).id(), 10)));
            assertEquals("t192", page.get(9).traceId());
            assertEquals("t186", next.get(0).traceId());
            assertEquals(List.of("t12"), db.inTransaction(em -> new JpaAuditTrail(em).find(query("a1", null, null, "team_12%",
                    0, 10))).stream().map(AuditTrace::traceId).toList(), "resource names match literally, % included");
            java.time.LocalDate today = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
            Instant monthAgo = now.minus(Duration.ofDays(30));
            assertEquals(java.util.Map.of(today, 42L), db.inTransaction(em -> new JpaAuditTrail(em).dailyCounts("a1", null,
                    "SWR", "push", monthAgo)), "a1's pushes today, the old one before the range");
            assertEquals(java.util.Map.of(today, 21L), db.inTransaction(em -> new JpaAuditTrail(em).dailyCounts("a1", "u-carol",
                    "SWR", "push", monthAgo)), "only carol's");
            assertEquals(1, (int) db.inTransaction(em -> new JpaAuditTrail(em).purgeBefore(now.minus(Duration.ofDays(180)))));
        }
    }
}
