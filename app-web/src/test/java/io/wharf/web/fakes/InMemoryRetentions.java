package io.wharf.web.fakes;

import io.wharf.domain.retention.RetentionPolicy;
import io.wharf.domain.retention.RetentionRecord;
import io.wharf.domain.retention.RetentionRule;
import io.wharf.domain.retention.Retentions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Retention policies and records in lists; records newest first. */
public final class InMemoryRetentions implements Retentions {
    private final Map<Long, RetentionPolicy> policies = new LinkedHashMap<>();
    private final List<RetentionRecord> records = new ArrayList<>();
    private long nextId = 1;

    @Override
    public synchronized RetentionPolicy add(long repositoryId, String algorithm, List<RetentionRule> rules) {
        RetentionPolicy policy = new RetentionPolicy(nextId++, repositoryId, algorithm, rules);
        policies.put(policy.id(), policy);
        return policy;
    }

    @Override
    public synchronized Optional<RetentionPolicy> byId(long repositoryId, long id) {
        return Optional.ofNullable(policies.get(id)).filter(p -> p.repositoryId() == repositoryId);
    }

    @Override
    public synchronized List<RetentionPolicy> of(long repositoryId) {
        return policies.values().stream().filter(p -> p.repositoryId() == repositoryId).toList();
    }

    @Override
    public synchronized List<RetentionPolicy> all() {
        return List.copyOf(policies.values());
    }

    @Override
    public synchronized void update(RetentionPolicy policy) {
        policies.put(policy.id(), policy);
    }

    @Override
    public synchronized boolean remove(long repositoryId, long id) {
        return byId(repositoryId, id).map(p -> policies.remove(id) != null).orElse(false);
    }

    @Override
    public synchronized void record(RetentionRecord record) {
        records.add(new RetentionRecord(records.size() + 1, record.retentionId(), record.namespace(), record.repository(),
                record.tag(), record.ruleType(), record.createdAt()));
    }

    @Override
    public synchronized List<RetentionRecord> records(long repositoryId, int offset, int limit) {
        return records.stream().filter(r -> policies.containsKey(r.retentionId())
                        && policies.get(r.retentionId()).repositoryId() == repositoryId)
                .sorted(Comparator.comparingLong(RetentionRecord::id).reversed()).skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized long countRecords(long repositoryId) {
        return records(repositoryId, 0, Integer.MAX_VALUE).size();
    }
}
