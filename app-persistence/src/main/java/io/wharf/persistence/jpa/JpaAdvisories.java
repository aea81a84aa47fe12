package io.wharf.persistence.jpa;

import io.wharf.domain.scan.Advisories;
import io.wharf.domain.scan.AffectedPackage;
import io.wharf.domain.scan.Ecosystems;
import io.wharf.domain.scan.FeedImport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.wharf.persistence.jpa.JpaScanReports.cut;
import static io.wharf.persistence.jpa.JpaScanReports.instant;
import static io.wharf.persistence.jpa.JpaScanReports.s;

/**
 * Advisories as their OSV documents, with one {@code advisory_package} row per package each names and one
 * {@code advisory_alias} row per alias; a feed is put aside while it is read and published in short rounds once read
 * whole, so a malformed feed stores nothing.
 */
@ApplicationScoped
public class JpaAdvisories implements Advisories {
    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaAdvisories() {
    }

    public JpaAdvisories(EntityManager em) {
        this.em = em;
    }

    @Override
    public FeedImport begin(String source, Instant startedAt) {
        FeedImportRow row = new FeedImportRow(cut(source, 1024), FeedImport.RUNNING, startedAt, FeedImport.Progress.WAITING);
        em.persist(row);
        em.flush();
        return importById(row.id).orElseThrow();
    }

    @Override
    public void progress(long importId, FeedImport.Progress progress) {
        em.createNativeQuery("UPDATE feed_import SET phase = ?1, progress_done = ?2, progress_total = ?3 WHERE id = ?4")
                .setParameter(1, progress.phase()).setParameter(2, progress.done()).setParameter(3, progress.total())
                .setParameter(4, importId).executeUpdate();
    }

    @Override
    public void stage(long importId, List<Imported> batch) {
        Map<String, Imported> last = new java.util.LinkedHashMap<>();
        batch.forEach(i -> last.put(cut(i.advisory().id(), 128), i));
        for (Map.Entry<String, Imported> e : last.entrySet()) {
            String id = e.getKey();
            Imported imported = e.getValue();
            // The same advisory in two files of one feed: the one read last is kept, with the packages it names. One
            // keyed delete each: a delete of the batch's ids as one list parameter is not served by the key on H2 and
            // made a 200,000-advisory import 15 times slower (bench/feeds.sh: 62 s against 951 s).
            for (String table : List.of("advisory_package_staged", "advisory_alias_staged")) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE import_id = ?1 AND advisory_id = ?2")
                        .setParameter(1, importId).setParameter(2, id).executeUpdate();
            }
            em.createNativeQuery("DELETE FROM advisory_staged WHERE import_id = ?1 AND id = ?2")
                    .setParameter(1, importId).setParameter(2, id).executeUpdate();
            for (String alias : new LinkedHashSet<>(imported.advisory().aliases())) {
                if (!alias.isBlank() && alias.length() <= 128 && !alias.equals(id)) {
                    em.createNativeQuery("INSERT INTO advisory_alias_staged (import_id, alias, advisory_id) VALUES (?1, ?2, ?3)")
                            .setParameter(1, importId).setParameter(2, alias).setParameter(3, id).executeUpdate();
                }
            }
            em.createNativeQuery("INSERT INTO advisory_staged (import_id, id, modified_at, document) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, importId).setParameter(2, id).setParameter(3, Timestamp.from(imported.advisory().modified()))
                    .setParameter(4, imported.document()).executeUpdate();
            Set<String> packages = new LinkedHashSet<>();
            for (AffectedPackage p : imported.advisory().affected()) {
                if (!p.ecosystem().isBlank() && !p.name().isBlank()) {
                    // Stored under the name the matcher looks packages up by: Ubuntu:22.04:LTS as Ubuntu:22.04.
                    packages.add(cut(Ecosystems.canonical(p.ecosystem()), 64) + "\n" + cut(p.name(), 255));
                }
            }
            for (String p : packages) {
                String[] parts = p.split("\n", 2);
                em.createNativeQuery("INSERT INTO advisory_package_staged (import_id, ecosystem, name, advisory_id)"
                                + " VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, importId).setParameter(2, parts[0]).setParameter(3, parts[1]).setParameter(4, id)
                        .executeUpdate();
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public int publishSome(long importId, int limit) {
        List<Object> ids = em.createNativeQuery("SELECT id FROM advisory_staged WHERE import_id = ?1 ORDER BY id LIMIT ?2")
                .setParameter(1, importId).setParameter(2, limit).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        String last = s(ids.get(ids.size() - 1));
        // Set-wise, in the database, for the staged ids up to the last of this round: never through this heap.
        em.createNativeQuery("DELETE FROM advisory WHERE id IN (SELECT id FROM advisory_staged WHERE import_id = ?1"
                + " AND id <= ?2)").setParameter(1, importId).setParameter(2, last).executeUpdate();
        em.createNativeQuery("INSERT INTO advisory (id, modified_at, document, feed_import_id) SELECT id, modified_at,"
                + " document, import_id FROM advisory_staged WHERE import_id = ?1 AND id <= ?2")
                .setParameter(1, importId).setParameter(2, last).executeUpdate();
        em.createNativeQuery("INSERT INTO advisory_package (ecosystem, name, advisory_id) SELECT ecosystem, name,"
                + " advisory_id FROM advisory_package_staged WHERE import_id = ?1 AND advisory_id <= ?2")
                .setParameter(1, importId).setParameter(2, last).executeUpdate();
        em.createNativeQuery("INSERT INTO advisory_alias (alias, advisory_id) SELECT alias, advisory_id"
                + " FROM advisory_alias_staged WHERE import_id = ?1 AND advisory_id <= ?2")
                .setParameter(1, importId).setParameter(2, last).executeUpdate();
        for (String table : List.of("advisory_package_staged", "advisory_alias_staged")) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE import_id = ?1 AND advisory_id <= ?2")
                    .setParameter(1, importId).setParameter(2, last).executeUpdate();
        }
        em.createNativeQuery("DELETE FROM advisory_staged WHERE import_id = ?1 AND id <= ?2")
                .setParameter(1, importId).setParameter(2, last).executeUpdate();
        return ids.size();
    }

    @Override
    public FeedImport markImported(long importId, int advisoryCount, Instant finishedAt) {
        finish(importId, FeedImport.IMPORTED, advisoryCount, "", finishedAt, FeedImport.Progress.MATCHING);
        return importById(importId).orElseThrow();
    }

    private void discard(long importId) {
        em.createNativeQuery("DELETE FROM advisory_alias_staged WHERE import_id = ?1").setParameter(1, importId)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM advisory_package_staged WHERE import_id = ?1").setParameter(1, importId)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM advisory_staged WHERE import_id = ?1").setParameter(1, importId).executeUpdate();
    }

    @Override
    public FeedImport refused(long importId, String message, Instant finishedAt) {
        discard(importId);
        finish(importId, FeedImport.REFUSED, 0, message, finishedAt, FeedImport.Progress.DONE);
        return importById(importId).orElseThrow();
    }

    private void finish(long importId, String status, int count, String message, Instant finishedAt, String phase) {
        em.createNativeQuery("UPDATE feed_import SET status = ?1, advisory_count = ?2, message = ?3, finished_at = ?4,"
                        + " phase = ?5, progress_done = 0, progress_total = 0 WHERE id = ?6")
                .setParameter(1, status).setParameter(2, count).setParameter(3, cut(message, 1024))
                .setParameter(4, Timestamp.from(finishedAt)).setParameter(5, phase).setParameter(6, importId)
                .executeUpdate();
    }

    @Override
    public Optional<FeedImport> importById(long importId) {
        return select("WHERE id = :p", importId, 1, 0).stream().findFirst();
    }

    @Override
    public List<FeedImport> unfinished() {
        return select("WHERE status = :p OR (status = 'imported' AND phase <> 'done')", FeedImport.RUNNING, 1000, 0);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> documentsAffecting(String ecosystem, String packageName) {
        return em.createNativeQuery("SELECT a.document FROM advisory a, advisory_package p WHERE p.ecosystem = ?1"
                        + " AND p.name = ?2 AND a.id = p.advisory_id ORDER BY a.id")
                .setParameter(1, ecosystem).setParameter(2, packageName).getResultList().stream().map(JpaScanReports::s)
                .toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> documentsAliasing(String alias) {
        return em.createNativeQuery("SELECT a.document FROM advisory a, advisory_alias x WHERE x.alias = ?1"
                        + " AND a.id = x.advisory_id ORDER BY a.id LIMIT 100")
                .setParameter(1, alias).getResultList().stream().map(JpaScanReports::s).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<String> document(String advisoryId) {
        return em.createNativeQuery("SELECT document FROM advisory WHERE id = ?1").setParameter(1, advisoryId)
                .getResultList().stream().findFirst().map(JpaScanReports::s);
    }

    @Override
    public List<FeedImport> imports(int offset, int limit) {
        return select("", null, limit, offset);
    }

    @SuppressWarnings("unchecked")
    private List<FeedImport> select(String where, Object parameter, int limit, int offset) {
        var query = em.createNativeQuery("SELECT id, source, status, advisory_count, message, started_at, finished_at,"
                + " phase, progress_done, progress_total FROM feed_import " + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .setParameter("limit", limit).setParameter("offset", offset);
        if (parameter != null) {
            query.setParameter("p", parameter);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new FeedImport(((Number) r[0]).longValue(), s(r[1]), s(r[2]),
                ((Number) r[3]).intValue(), s(r[4]), instant(r[5]), instant(r[6]), new FeedImport.Progress(s(r[7]),
                ((Number) r[8]).longValue(), ((Number) r[9]).longValue()))).toList();
    }

    @Override
    public long countImports() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM feed_import").getSingleResult()).longValue();
    }

    @Override
    public long count() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM advisory").getSingleResult()).longValue();
    }

    @Override
    public void addMaliciousHashes(Map<String, String> hashes) {
        hashes.forEach((sha, name) -> em.createNativeQuery("INSERT INTO malicious_hash (sha256, name) VALUES (?1, ?2)"
                        + " ON DUPLICATE KEY UPDATE name = ?2")
                .setParameter(1, cut(sha, 150)).setParameter(2, cut(name, 255)).executeUpdate());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> maliciousHashes() {
        Map<String, String> found = new HashMap<>();
        ((List<Object[]>) em.createNativeQuery("SELECT sha256, name FROM malicious_hash").getResultList())
                .forEach(r -> found.put(s(r[0]), s(r[1])));
        return found;
    }

    @Override
    public void addMavenHashes(Map<String, String> coordinatesBySha1) {
        coordinatesBySha1.forEach((sha1, coordinates) -> em.createNativeQuery("INSERT INTO maven_artifact_hash (sha1,"
                        + " coordinates) VALUES (?1, ?2) ON DUPLICATE KEY UPDATE coordinates = ?2")
                .setParameter(1, sha1).setParameter(2, cut(coordinates, 512)).executeUpdate());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> mavenCoordinates(java.util.Collection<String> sha1s) {
        Map<String, String> found = new HashMap<>();
        if (sha1s.isEmpty()) {
            return found;
        }
        ((List<Object[]>) em.createNativeQuery("SELECT sha1, coordinates FROM maven_artifact_hash WHERE sha1 IN (?1)")
                .setParameter(1, List.copyOf(sha1s)).getResultList()).forEach(r -> found.put(s(r[0]), s(r[1])));
        return found;
    }
}
