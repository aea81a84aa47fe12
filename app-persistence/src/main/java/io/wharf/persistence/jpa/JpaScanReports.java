package io.wharf.persistence.jpa;

import io.wharf.domain.scan.Component;
import io.wharf.domain.scan.MaliciousFile;
import io.wharf.domain.scan.RiskCheck;
import io.wharf.domain.scan.ScanFindings;
import io.wharf.domain.scan.ScanReports;
import io.wharf.domain.scan.ScanSummary;
import io.wharf.domain.scan.Vulnerability;
import io.wharf.domain.scan.VulnerabilityCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scans in {@code image_scan} and their findings in one table each, written and read with parameterised SQL. Claiming
 * the next scan locks its row and skips rows another server holds, so scans are shared out across servers.
 */
@ApplicationScoped
public class JpaScanReports implements ScanReports {
    private static final String SUMMARY = "SELECT id, repository_id, digest, status, failed_desc, scannable, scanned_at, os,"
            + " vul_num, unsafe_setting_num, malicious_file_num, critical_num, high_num, medium_num, low_num, unknown_num,"
            + " fixable_num FROM image_scan";

    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaScanReports() {
    }

    public JpaScanReports(EntityManager em) {
        this.em = em;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Boolean> scanOnPush(String accountId) {
        return em.createNativeQuery("SELECT scan_on_push FROM account_scan_setting WHERE account_id = ?1")
                .setParameter(1, accountId).getResultList().stream().findFirst().map(JpaScanReports::bool);
    }

    @Override
    public void setScanOnPush(String accountId, boolean on) {
        em.createNativeQuery("INSERT INTO account_scan_setting (account_id, scan_on_push) VALUES (?1, ?2)"
                        + " ON DUPLICATE KEY UPDATE scan_on_push = ?2")
                .setParameter(1, accountId).setParameter(2, on).executeUpdate();
    }

    @Override
    public void request(long repositoryId, String digest, Instant now) {
        em.createNativeQuery("INSERT INTO image_scan (repository_id, digest, status, failed_desc, scannable, requested_at,"
                        + " os, vul_num, unsafe_setting_num, malicious_file_num) VALUES (?1, ?2, ?3, '', TRUE, ?4, '', 0, 0, 0)"
                        + " ON DUPLICATE KEY UPDATE requested_at = CASE WHEN status IN (?3, ?5) THEN requested_at ELSE ?4 END,"
                        + " status = CASE WHEN status = ?5 THEN status ELSE ?3 END")
                .setParameter(1, repositoryId).setParameter(2, digest).setParameter(3, ScanSummary.WAITING)
                .setParameter(4, Timestamp.from(now)).setParameter(5, ScanSummary.SCANNING).executeUpdate();
    }

    @Override
    public Optional<ScanSummary> claimNext(Instant now, String node) {
        List<ScanSummary> next = summaries(em.createNativeQuery(SUMMARY + " WHERE status = ?1 ORDER BY requested_at, id"
                + " LIMIT 1 FOR UPDATE SKIP LOCKED").setParameter(1, ScanSummary.WAITING).getResultList());
        next.forEach(s -> em.createNativeQuery("UPDATE image_scan SET status = ?1, claimed_by = ?3 WHERE id = ?2")
                .setParameter(1, ScanSummary.SCANNING).setParameter(2, s.id()).setParameter(3, node).executeUpdate());
        return next.stream().findFirst();
    }

    @Override
    public int requeueInterrupted(Instant now) {
        return em.createNativeQuery("UPDATE image_scan SET status = ?1, claimed_by = NULL WHERE status = ?2 AND "
                        + JpaLeases.nodeGone("claimed_by", 3))
                .setParameter(1, ScanSummary.WAITING).setParameter(2, ScanSummary.SCANNING)
                .setParameter(3, Timestamp.from(now)).executeUpdate();
    }

    @Override
    public void complete(long scanId, ScanFindings findings, Instant now) {
        for (String table : List.of("scan_component", "scan_vulnerability", "scan_malicious_file", "scan_risk_check")) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE scan_id = ?1").setParameter(1, scanId).executeUpdate();
        }
        for (Component c : findings.components()) {
            em.createNativeQuery("INSERT INTO scan_component (scan_id, ecosystem, name, version, source, source_version,"
                            + " purl, location) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                    .setParameter(1, scanId).setParameter(2, cut(c.ecosystem(), 64)).setParameter(3, cut(c.name(), 255))
                    .setParameter(4, cut(c.version(), 255)).setParameter(5, cut(c.source(), 255))
                    .setParameter(6, cut(c.sourceVersion(), 255)).setParameter(7, cut(c.purl(), 1024))
                    .setParameter(8, cut(c.location(), 1024)).executeUpdate();
        }
        insertVulnerabilities(scanId, findings.vulnerabilities());
        for (MaliciousFile m : findings.maliciousFiles()) {
            em.createNativeQuery("INSERT INTO scan_malicious_file (scan_id, path, layer, sha256, name)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, scanId).setParameter(2, cut(m.path(), 1024)).setParameter(3, m.layer())
                    .setParameter(4, m.sha256()).setParameter(5, cut(m.name(), 255)).executeUpdate();
        }
        for (RiskCheck r : findings.riskChecks()) {
            em.createNativeQuery("INSERT INTO scan_risk_check (scan_id, check_name, check_type, standard, rule_id,"
                            + " rule_name, severity, passed, evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                    .setParameter(1, scanId).setParameter(2, r.checkName()).setParameter(3, r.checkType())
                    .setParameter(4, r.standard()).setParameter(5, r.ruleId()).setParameter(6, r.ruleName())
                    .setParameter(7, r.severity()).setParameter(8, r.passed()).setParameter(9, cut(r.evidence(), 2048))
                    .executeUpdate();
        }
        em.createNativeQuery("UPDATE image_scan SET status = ?1, failed_desc = '', scannable = TRUE, scanned_at = ?2,"
                        + " os = ?3, unsafe_setting_num = ?4, malicious_file_num = ?5 WHERE id = ?6")
                .setParameter(1, ScanSummary.SUCCESS).setParameter(2, Timestamp.from(now))
                .setParameter(3, cut(findings.os(), 255)).setParameter(4, (int) findings.failedRiskChecks())
                .setParameter(5, findings.maliciousFiles().size()).setParameter(6, scanId).executeUpdate();
        counts(scanId, findings.vulnerabilities());
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Long> succeededAfter(long afterId, int limit) {
        return ((List<Object>) em.createNativeQuery("SELECT id FROM image_scan WHERE status = ?1 AND id > ?2"
                        + " ORDER BY id LIMIT ?3").setParameter(1, ScanSummary.SUCCESS).setParameter(2, afterId)
                .setParameter(3, limit).getResultList()).stream().map(v -> ((Number) v).longValue()).toList();
    }

    @Override
    public Map<String, Long> severities(String accountId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT v.severity, COUNT(*) FROM scan_vulnerability v"
                + " JOIN image_scan s ON s.id = v.scan_id JOIN image_repository r ON r.id = s.repository_id"
                + " WHERE r.account_id = ?1 GROUP BY v.severity").setParameter(1, accountId).getResultList();
        Map<String, Long> counts = new java.util.TreeMap<>();
        rows.forEach(r -> counts.put(String.valueOf(r[0]), ((Number) r[1]).longValue()));
        return counts;
    }

    @Override
    public long countSucceeded() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM image_scan WHERE status = ?1")
                .setParameter(1, ScanSummary.SUCCESS).getSingleResult()).longValue();
    }

    @Override
    public void replaceVulnerabilities(long scanId, List<Vulnerability> vulnerabilities) {
        em.createNativeQuery("DELETE FROM scan_vulnerability WHERE scan_id = ?1").setParameter(1, scanId).executeUpdate();
        insertVulnerabilities(scanId, vulnerabilities);
        counts(scanId, vulnerabilities);
    }

    /** The scan's vulnerability count and its counts by severity, kept with it for lists and the pull policy. */
    private void counts(long scanId, List<Vulnerability> vulnerabilities) {
        VulnerabilityCounts c = VulnerabilityCounts.of(vulnerabilities);
        em.createNativeQuery("UPDATE image_scan SET vul_num = ?1, critical_num = ?2, high_num = ?3, medium_num = ?4,"
                        + " low_num = ?5, unknown_num = ?6, fixable_num = ?7 WHERE id = ?8")
                .setParameter(1, vulnerabilities.size()).setParameter(2, c.critical()).setParameter(3, c.high())
                .setParameter(4, c.medium()).setParameter(5, c.low()).setParameter(6, c.unknown())
                .setParameter(7, c.fixable()).setParameter(8, scanId).executeUpdate();
    }

    /** Many rows a statement: an image can have thousands of findings, and each statement is a round trip. */
    private void insertVulnerabilities(long scanId, List<Vulnerability> vulnerabilities) {
        int rowsPerStatement = 100;
        for (int from = 0; from < vulnerabilities.size(); from += rowsPerStatement) {
            List<Vulnerability> chunk = vulnerabilities.subList(from, Math.min(vulnerabilities.size(), from + rowsPerStatement));
            StringBuilder sql = new StringBuilder("INSERT INTO scan_vulnerability (scan_id, vul_id, cve_id, severity,"
                    + " cvss_score, ecosystem, package_name, version, fixed_version, location, summary, url) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                int p = i * 12;
                sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1);
                for (int k = 2; k <= 12; k++) {
                    sql.append(", ?").append(p + k);
                }
                sql.append(')');
            }
            var insert = em.createNativeQuery(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                Vulnerability v = chunk.get(i);
                int p = i * 12;
                insert.setParameter(p + 1, scanId).setParameter(p + 2, cut(v.vulId(), 128))
                        .setParameter(p + 3, cut(v.cveId(), 128)).setParameter(p + 4, v.severity())
                        .setParameter(p + 5, v.cvssScore()).setParameter(p + 6, cut(v.ecosystem(), 64))
                        .setParameter(p + 7, cut(v.packageName(), 255)).setParameter(p + 8, cut(v.version(), 255))
                        .setParameter(p + 9, cut(v.fixedVersion(), 255)).setParameter(p + 10, cut(v.location(), 1024))
                        .setParameter(p + 11, cut(v.summary(), 1024)).setParameter(p + 12, cut(v.url(), 1024));
            }
            insert.executeUpdate();
        }
    }

    @Override
    public void fail(long scanId, String failedDesc, boolean scannable, Instant now) {
        em.createNativeQuery("UPDATE image_scan SET status = ?1, failed_desc = ?2, scannable = ?3, scanned_at = ?4"
                        + " WHERE id = ?5")
                .setParameter(1, ScanSummary.FAILED).setParameter(2, failedDesc).setParameter(3, scannable)
                .setParameter(4, Timestamp.from(now)).setParameter(5, scanId).executeUpdate();
    }

    @Override
    public Optional<ScanSummary> of(long repositoryId, String digest) {
        return summaries(em.createNativeQuery(SUMMARY + " WHERE repository_id = ?1 AND digest = ?2")
                .setParameter(1, repositoryId).setParameter(2, digest).getResultList()).stream().findFirst();
    }

    @Override
    public Map<String, ScanSummary> of(Collection<Long> repositoryIds, Collection<String> digests) {
        Map<String, ScanSummary> found = new HashMap<>();
        if (repositoryIds.isEmpty() || digests.isEmpty()) {
            return found;
        }
        summaries(em.createNativeQuery(SUMMARY + " WHERE repository_id IN (?1) AND digest IN (?2)")
                .setParameter(1, repositoryIds).setParameter(2, digests).getResultList())
                .forEach(s -> found.put(s.repositoryId() + "/" + s.digest(), s));
        return found;
    }

    @Override
    public List<Vulnerability> vulnerabilities(long scanId) {
        return rows("SELECT vul_id, cve_id, severity, cvss_score, ecosystem, package_name, version, fixed_version,"
                + " location, summary, url FROM scan_vulnerability WHERE scan_id = ?1"
                + " ORDER BY cvss_score DESC, vul_id, package_name", scanId).stream()
                .map(r -> new Vulnerability(s(r[0]), s(r[1]), s(r[2]), ((Number) r[3]).doubleValue(), s(r[4]), s(r[5]),
                        s(r[6]), s(r[7]), s(r[8]), s(r[9]), s(r[10]))).toList();
    }

    @Override
    public List<MaliciousFile> maliciousFiles(long scanId) {
        return rows("SELECT path, layer, sha256, name FROM scan_malicious_file WHERE scan_id = ?1 ORDER BY path", scanId)
                .stream().map(r -> new MaliciousFile(s(r[0]), s(r[1]), s(r[2]), s(r[3]))).toList();
    }

    @Override
    public List<RiskCheck> riskChecks(long scanId) {
        return rows("SELECT check_name, check_type, standard, rule_id, rule_name, severity, passed, evidence"
                + " FROM scan_risk_check WHERE scan_id = ?1 ORDER BY rule_id", scanId).stream()
                .map(r -> new RiskCheck(s(r[0]), s(r[1]), s(r[2]), s(r[3]), s(r[4]), s(r[5]), bool(r[6]), s(r[7]))).toList();
    }

    @Override
    public List<Component> components(long scanId) {
        return rows("SELECT ecosystem, name, version, source, source_version, purl, location FROM scan_component"
                + " WHERE scan_id = ?1 ORDER BY ecosystem, name, version, location", scanId).stream()
                .map(r -> new Component(s(r[0]), s(r[1]), s(r[2]), s(r[3]), s(r[4]), s(r[5]), s(r[6]))).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, long scanId) {
        return em.createNativeQuery(sql).setParameter(1, scanId).getResultList();
    }

    @SuppressWarnings("unchecked")
    private static List<ScanSummary> summaries(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(r -> new ScanSummary(((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(), s(r[2]), s(r[3]), s(r[4]), bool(r[5]), instant(r[6]), s(r[7]),
                ((Number) r[8]).intValue(), ((Number) r[9]).intValue(), ((Number) r[10]).intValue(),
                new VulnerabilityCounts(((Number) r[11]).intValue(), ((Number) r[12]).intValue(), ((Number) r[13]).intValue(),
                        ((Number) r[14]).intValue(), ((Number) r[15]).intValue(), ((Number) r[16]).intValue()))).toList();
    }

    static String s(Object value) {
        return value == null ? "" : value.toString();
    }

    static boolean bool(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return Timestamp.valueOf(l).toInstant();
        }
        return value instanceof Instant i ? i : null;
    }

    static String cut(String value, int max) {
        return value == null ? "" : value.length() <= max ? value : value.substring(0, max);
    }
}
