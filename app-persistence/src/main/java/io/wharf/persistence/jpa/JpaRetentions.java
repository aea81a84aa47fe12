package io.wharf.persistence.jpa;

import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.retention.RetentionPolicy;
import io.wharf.domain.retention.RetentionRecord;
import io.wharf.domain.retention.RetentionRule;
import io.wharf.domain.retention.RetentionRun;
import io.wharf.domain.retention.Retentions;
import io.wharf.domain.retention.TagSelector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.wharf.persistence.jpa.JpaScanReports.cut;
import static io.wharf.persistence.jpa.JpaScanReports.instant;
import static io.wharf.persistence.jpa.JpaScanReports.s;

/** Retention policies with their rules kept as the API's JSON, and the records of removed tags. */
@ApplicationScoped
public class JpaRetentions implements Retentions {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaRetentions() {
    }

    public JpaRetentions(EntityManager em) {
        this.em = em;
    }

    @Override
    public RetentionPolicy add(long repositoryId, String algorithm, List<RetentionRule> rules) {
        RetentionPolicyRow row = new RetentionPolicyRow(repositoryId, algorithm, json(rules),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        em.persist(row);
        em.flush();
        return new RetentionPolicy(row.id, repositoryId, algorithm, rules);
    }

    @Override
    public Optional<RetentionPolicy> byId(long repositoryId, long id) {
        return select("WHERE repository_id = :repo AND id = :id", repositoryId, id).stream().findFirst();
    }

    @Override
    public List<RetentionPolicy> of(long repositoryId) {
        return select("WHERE repository_id = :repo", repositoryId, null);
    }

    @Override
    public List<RetentionPolicy> all() {
        return select("", null, null);
    }

    @SuppressWarnings("unchecked")
    private List<RetentionPolicy> select(String where, Long repositoryId, Long id) {
        var query = em.createNativeQuery("SELECT id, repository_id, algorithm, rules FROM retention_policy " + where
                + " ORDER BY id");
        if (repositoryId != null) {
            query.setParameter("repo", repositoryId);
        }
        if (id != null) {
            query.setParameter("id", id);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new RetentionPolicy(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), s(r[2]),
                rules(s(r[3])))).toList();
    }

    @Override
    public void update(RetentionPolicy policy) {
        em.createNativeQuery("UPDATE retention_policy SET algorithm = ?1, rules = ?2 WHERE id = ?3")
                .setParameter(1, policy.algorithm()).setParameter(2, json(policy.rules())).setParameter(3, policy.id())
                .executeUpdate();
    }

    @Override
    public boolean remove(long repositoryId, long id) {
        return em.createNativeQuery("DELETE FROM retention_policy WHERE repository_id = ?1 AND id = ?2")
                .setParameter(1, repositoryId).setParameter(2, id).executeUpdate() > 0;
    }

    @Override
    public void record(RetentionRecord record) {
        long repositoryId = ((Number) em.createNativeQuery("SELECT repository_id FROM retention_policy WHERE id = ?1")
                .setParameter(1, record.retentionId()).getSingleResult()).longValue();
        em.createNativeQuery("INSERT INTO retention_record (retention_id, repository_id, namespace, repo, tag, rule_type,"
                        + " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, record.retentionId()).setParameter(2, repositoryId).setParameter(3, cut(record.namespace(), 64))
                .setParameter(4, cut(record.repository(), 255)).setParameter(5, cut(record.tag(), 128))
                .setParameter(6, cut(record.ruleType(), 4096)).setParameter(7, Timestamp.from(record.createdAt()))
                .executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<RetentionRecord> records(long repositoryId, int offset, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, retention_id, namespace, repo, tag, rule_type, created_at"
                        + " FROM retention_record WHERE repository_id = ?1 ORDER BY id DESC LIMIT ?2 OFFSET ?3")
                .setParameter(1, repositoryId).setParameter(2, limit).setParameter(3, offset).getResultList();
        return rows.stream().map(r -> new RetentionRecord(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), s(r[2]),
                s(r[3]), s(r[4]), s(r[5]), instant(r[6]))).toList();
    }

    @Override
    public long countRecords(long repositoryId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM retention_record WHERE repository_id = ?1")
                .setParameter(1, repositoryId).getSingleResult()).longValue();
    }

    private static final String RUN = "SELECT id, retention_id, repository_id, account_id, dry_run, status, removed,"
            + " removed_count, message, operator_name, started_at, finished_at FROM retention_run ";

    @Override
    public RetentionRun startRun(RetentionRun run, String node) {
        // The account's row is the lock: starts of one account are counted one at a time, on every server.
        em.createNativeQuery("SELECT id FROM account WHERE id = ?1 FOR UPDATE").setParameter(1, run.accountId())
                .getResultList();
        long ofRepository = count("repository_id = ?1", run.repositoryId());
        if (ofRepository > 0) {
            throw WharfException.busy(Subject.RETENTION, "A retention run of this repository is under way; follow it,"
                    + " then start another.");
        }
        if (count("account_id = ?1", run.accountId()) >= RetentionRun.MAX_RUNNING_PER_ACCOUNT) {
            throw WharfException.busy(Subject.RETENTION, "The account has " + RetentionRun.MAX_RUNNING_PER_ACCOUNT
                    + " retention runs under way; start another when one has ended.");
        }
        em.createNativeQuery("INSERT INTO retention_run (retention_id, repository_id, account_id, dry_run, status,"
                        + " removed, removed_count, message, operator_name, node, started_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, '', 0, '', ?6, ?7, ?8)")
                .setParameter(1, run.retentionId()).setParameter(2, run.repositoryId()).setParameter(3, run.accountId())
                .setParameter(4, run.dryRun()).setParameter(5, RetentionRun.RUNNING)
                .setParameter(6, cut(run.operatorName(), 64)).setParameter(7, cut(node, 64))
                .setParameter(8, Timestamp.from(run.startedAt())).executeUpdate();
        long id = ((Number) em.createNativeQuery("SELECT MAX(id) FROM retention_run WHERE repository_id = ?1")
                .setParameter(1, run.repositoryId()).getSingleResult()).longValue();
        return run(run.repositoryId(), id).orElseThrow();
    }

    private long count(String where, Object value) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM retention_run WHERE status = 'running' AND " + where)
                .setParameter(1, value).getSingleResult()).longValue();
    }

    @Override
    public void finishRun(RetentionRun run) {
        em.createNativeQuery("UPDATE retention_run SET status = ?1, removed = ?2, removed_count = ?3, message = ?4,"
                        + " finished_at = ?5 WHERE id = ?6").setParameter(1, run.status())
                .setParameter(2, String.join("\n", run.removed())).setParameter(3, run.removedCount())
                .setParameter(4, cut(run.message(), 1024))
                .setParameter(5, run.finishedAt() == null ? null : Timestamp.from(run.finishedAt()))
                .setParameter(6, run.id()).executeUpdate();
    }

    @Override
    public Optional<RetentionRun> run(long repositoryId, long runId) {
        return runs("WHERE repository_id = ?1 AND id = ?2 ", List.of(repositoryId, runId)).stream().findFirst();
    }

    @Override
    public List<RetentionRun> runs(long repositoryId, int limit) {
        return runs("WHERE repository_id = ?1 ORDER BY id DESC LIMIT ?2", List.of(repositoryId, limit));
    }

    @Override
    public int failInterrupted(Instant now, String why) {
        return em.createNativeQuery("UPDATE retention_run SET status = 'failed', message = ?2, finished_at = ?1"
                        + " WHERE status = 'running' AND " + JpaLeases.nodeGone("node", 1))
                .setParameter(1, Timestamp.from(now)).setParameter(2, cut(why, 1024)).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<RetentionRun> runs(String where, List<Object> parameters) {
        var query = em.createNativeQuery(RUN + where);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new RetentionRun(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), s(r[3]), JpaScanReports.bool(r[4]), s(r[5]),
                s(r[6]).isEmpty() ? List.of() : List.of(s(r[6]).split("\n")), ((Number) r[7]).intValue(), s(r[8]),
                s(r[9]), instant(r[10]), instant(r[11]))).toList();
    }

    /** The rules as the reference writes each ({@link RetentionRule#json()}), in an array. */
    private static String json(List<RetentionRule> rules) {
        return "[" + String.join(",", rules.stream().map(RetentionRule::json).toList()) + "]";
    }

    private static List<RetentionRule> rules(String json) {
        JsonArray all = Json.createReader(new StringReader(json)).readArray();
        List<RetentionRule> rules = new ArrayList<>();
        for (JsonValue value : all) {
            JsonObject r = value.asJsonObject();
            JsonObject params = r.getJsonObject("params");
            List<TagSelector> selectors = r.getJsonArray("tag_selectors").stream().map(JsonValue::asJsonObject)
                    .map(t -> new TagSelector(t.getString("kind"), t.getString("pattern"))).toList();
            String template = r.getString("template");
            int n = Integer.parseInt(params.getString(RetentionRule.DATE_RULE.equals(template) ? "days" : "num"));
            rules.add(new RetentionRule(template, n, selectors));
        }
        return rules;
    }
}
