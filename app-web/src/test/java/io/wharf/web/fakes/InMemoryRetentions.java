package io.wharf.web.fakes;

import io.wharf.domain.retention.RetentionPolicy;
import io.wharf.domain.retention.RetentionRecord;
import io.wharf.domain.retention.RetentionRule;
import io.wharf.domain.retention.RetentionRun;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
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
    private final List<RetentionRun> runs = new ArrayList<>();
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

    @Override
    public synchronized RetentionRun startRun(RetentionRun run, String node) {
        if (runs.stream().anyMatch(r -> r.status().equals(RetentionRun.RUNNING) && r.repositoryId() == run.repositoryId())
                || runs.stream().filter(r -> r.status().equals(RetentionRun.RUNNING) && r.accountId().equals(run.accountId()))
                .count() >= RetentionRun.MAX_RUNNING_PER_ACCOUNT) {
            throw WharfException.busy(Subject.RETENTION, "busy");
        }
        RetentionRun stored = new RetentionRun(nextId++, run.retentionId(), run.repositoryId(), run.accountId(),
                run.dryRun(), RetentionRun.RUNNING, List.of(), 0, "", run.operatorName(), run.startedAt(), null);
        runs.add(stored);
        return stored;
    }

    @Override
    public synchronized void finishRun(RetentionRun run) {
        runs.replaceAll(r -> r.id() == run.id() ? run : r);
    }

    @Override
    public synchronized Optional<RetentionRun> run(long repositoryId, long runId) {
        return runs.stream().filter(r -> r.id() == runId && r.repositoryId() == repositoryId).findFirst();
    }

    @Override
    public synchronized List<RetentionRun> runs(long repositoryId, int limit) {
        return runs.stream().filter(r -> r.repositoryId() == repositoryId)
                .sorted(Comparator.comparingLong(RetentionRun::id).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized int failInterrupted(java.time.Instant now, String why) {
        int failed = 0;
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).status().equals(RetentionRun.RUNNING)) {
                runs.set(i, runs.get(i).failed(why, now));
                failed++;
            }
        }
        return failed;
    }
}
