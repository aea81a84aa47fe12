package io.wharf.web.fakes;

import io.wharf.domain.audit.AuditQuery;
import io.wharf.domain.audit.AuditTrace;
import io.wharf.domain.audit.AuditTrail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Traces in a list, filtered and paged as the SQL store does. */
public final class InMemoryAuditTrail implements AuditTrail {
    private final List<AuditTrace> traces = new ArrayList<>();

    @Override
    public synchronized void append(List<AuditTrace> batch) {
        for (AuditTrace t : batch) {
            traces.add(new AuditTrace(traces.size() + 1, t.traceId(), t.time(), t.serviceType(), t.traceName(), t.rating(),
                    t.resourceType(), t.resourceName(), t.accountId(), t.accountName(), t.userId(), t.userName(),
                    t.accessKey(), t.method(), t.path(), t.code(), t.sourceIp(), t.requestId()));
        }
    }

    @Override
    public synchronized List<AuditTrace> find(AuditQuery q) {
        return traces.stream().filter(t -> t.accountId().equals(q.accountId()))
                .filter(t -> !t.time().isBefore(q.from()) && t.time().isBefore(q.to()))
                .filter(t -> q.onlyUserId() == null || t.userId().equals(q.onlyUserId()))
                .filter(t -> q.userName() == null || t.userName().equals(q.userName()))
                .filter(t -> q.traceName() == null || t.traceName().equals(q.traceName()))
                .filter(t -> q.resourceName() == null || t.resourceName().contains(q.resourceName()))
                .filter(t -> q.before() == 0 || t.id() < q.before())
                .sorted(Comparator.comparingLong(AuditTrace::id).reversed()).limit(q.limit()).toList();
    }

    @Override
    public synchronized java.util.Map<java.time.LocalDate, Long> dailyCounts(String accountId, String onlyUserId,
                                                                             String serviceType, String traceName, Instant from) {
        java.util.Map<java.time.LocalDate, Long> counts = new java.util.TreeMap<>();
        traces.stream().filter(t -> t.accountId().equals(accountId) && (onlyUserId == null || t.userId().equals(onlyUserId))
                        && t.serviceType().equals(serviceType)
                        && t.traceName().equals(traceName) && !t.time().isBefore(from))
                .forEach(t -> counts.merge(t.time().atZone(java.time.ZoneOffset.UTC).toLocalDate(), 1L, Long::sum));
        return counts;
    }

    @Override
    public synchronized int purgeBefore(Instant cutoff) {
        int before = traces.size();
        traces.removeIf(t -> t.time().isBefore(cutoff));
        return before - traces.size();
    }

    public synchronized int size() {
        return traces.size();
    }
}
