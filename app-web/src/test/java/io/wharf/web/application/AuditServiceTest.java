package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.audit.AuditQuery;
import io.wharf.domain.audit.AuditTrace;
import io.wharf.domain.error.WharfException;
import io.wharf.web.fakes.InMemoryAuditTrail;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.wharf.web.fakes.InMemoryTenants.ADMIN;
import static io.wharf.web.fakes.InMemoryTenants.MEMBER;
import static io.wharf.web.fakes.InMemoryTenants.OUTSIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The audit trail over an in-memory store: queued then stored in batches, read per account and per user, purged. */
class AuditServiceTest {
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final AuditService audit = new AuditService(trail);

    private static AuditTrace trace(Caller by, String action, Instant at) {
        return new AuditTrace(0, action + at, at, "SWR", action, AuditTrace.NORMAL, "namespace", "team", by.accountId(),
                by.accountName(), by.userId(), by.userName(), "", "POST", "/v2/manage/namespaces", 201, "127.0.0.1", "r1");
    }

    private static AuditQuery all(int limit, long before) {
        Instant now = Instant.now();
        return new AuditQuery(null, null, now.minus(Duration.ofDays(1)), now.plusSeconds(1), null, null, null, null, null,
                null, before, limit);
    }

    @Test
    void aTraceIsStoredAtTheNextFlushNotOnTheRequestsThread() {
        audit.record(trace(ADMIN, "createNamespace", Instant.now()));
        assertEquals(0, trail.size());
        audit.flush();
        assertEquals(1, trail.size());
    }

    @Test
    void anAdministratorReadsTheAccountsTraceAUserOnlyTheirOwnAndNoOneAnotherAccounts() {
        Instant now = Instant.now();
        audit.record(trace(ADMIN, "createNamespace", now));
        audit.record(trace(MEMBER, "push", now));
        audit.record(trace(OUTSIDER, "push", now));
        audit.flush();
        assertEquals(List.of("push", "createNamespace"), audit.query(ADMIN, all(10, 0)).stream().map(AuditTrace::traceName).toList());
        assertEquals(List.of(MEMBER.userName()), audit.query(MEMBER, all(10, 0)).stream().map(AuditTrace::userName).toList());
        assertEquals(List.of(OUTSIDER.userName()), audit.query(OUTSIDER, all(10, 0)).stream().map(AuditTrace::userName).toList());
    }

    @Test
    void aDailySeriesHasEveryDayOldestFirstAndCountsOnlyTheCallersOwnForAMember() {
        Instant now = Instant.now();
        audit.record(trace(ADMIN, "push", now));
        audit.record(trace(MEMBER, "push", now));
        audit.record(trace(MEMBER, "push", now.minus(Duration.ofDays(2))));
        audit.record(trace(MEMBER, "pull", now));
        audit.record(trace(OUTSIDER, "push", now));
        audit.flush();
        List<java.util.Map.Entry<java.time.LocalDate, Long>> admins = audit.daily(ADMIN, "SWR", "push", 30);
        assertEquals(30, admins.size());
        assertEquals(java.time.LocalDate.now(java.time.ZoneOffset.UTC), admins.get(29).getKey(), "today last");
        assertEquals(2L, admins.get(29).getValue(), "the account's pushes today, not the other account's");
        assertEquals(1L, admins.get(27).getValue());
        assertEquals(0L, admins.get(0).getValue(), "a quiet day is a zero, not a gap");
        assertEquals(1L, audit.daily(MEMBER, "SWR", "push", 30).get(29).getValue(), "a member counts their own");
    }

    @Test
    void pagesFollowTheMarkerNewestFirst() {
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            audit.record(trace(ADMIN, "a" + i, now));
        }
        audit.flush();
        List<AuditTrace> first = audit.query(ADMIN, all(2, 0));
        assertEquals(List.of("a4", "a3"), first.stream().map(AuditTrace::traceName).toList());
        assertEquals(List.of("a2", "a1"), audit.query(ADMIN, all(2, first.get(1).id())).stream().map(AuditTrace::traceName).toList());
    }

    @Test
    void aLimitOutOfRangeIsRefusedNamingIt() {
        assertEquals("limit", assertThrows(WharfException.class, () -> audit.query(ADMIN, all(201, 0))).field());
    }

    @Test
    void oldTracesArePurged() {
        audit.record(trace(ADMIN, "old", Instant.now().minus(Duration.ofDays(200))));
        audit.record(trace(ADMIN, "new", Instant.now()));
        audit.flush();
        assertEquals(1, audit.purgeOlderThan(Instant.now().minus(Duration.ofDays(180))));
        assertEquals(1, trail.size());
    }
}
