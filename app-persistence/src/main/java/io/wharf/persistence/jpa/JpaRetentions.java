package io.wharf.persistence.jpa;

import io.wharf.domain.retention.RetentionPolicy;
import io.wharf.domain.retention.RetentionRecord;
import io.wharf.domain.retention.RetentionRule;
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
