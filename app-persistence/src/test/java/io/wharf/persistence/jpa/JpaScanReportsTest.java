package io.wharf.persistence.jpa;

import io.wharf.domain.account.Identifiers;
import io.wharf.domain.account.Account;
import io.wharf.domain.account.AccountName;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.repository.Category;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.RepositoryDetails;
import io.wharf.domain.repository.RepositoryName;
import io.wharf.domain.scan.Advisories;
import io.wharf.domain.scan.FeedImport;
import io.wharf.domain.scan.Advisory;
import io.wharf.domain.scan.AffectedPackage;
import io.wharf.domain.scan.Component;
import io.wharf.domain.scan.MaliciousFile;
import io.wharf.domain.scan.RiskCheck;
import io.wharf.domain.scan.ScanFindings;
import io.wharf.domain.scan.ScanSummary;
import io.wharf.domain.scan.Vulnerability;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scan queue, scan findings and advisories on MariaDB. */
class JpaScanReportsTest {
    private static MariaDbTestDatabase db;
    private static ImageRepository repo;
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @BeforeAll
    static void createDatabase() throws Exception {
        db = new MariaDbTestDatabase();
        Account a = new Account(Identifiers.newId(), new AccountName("scans"), Identifiers.newId(), false,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        db.inTransaction(em -> new JpaAccounts(em).add(a));
        Namespace ns = db.inTransaction(em -> new JpaNamespaces(em).add(new NamespaceName("scanned"), a.id(), "u1", "carol"));
        repo = db.inTransaction(em -> new JpaImageRepositories(em).add(ns, new RepositoryName("app"),
                new RepositoryDetails(Category.OTHER, "", false), "u1", "carol"));
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    @Test
    void aRequestedScanIsClaimedOnceStoredAndReadBack() {
        String digest = "sha256:" + "1".repeat(64);
        db.inTransaction(em -> {
            new JpaScanReports(em).request(repo.id(), digest, T0);
            return null;
        });
        ScanSummary claimed = db.inTransaction(em -> new JpaScanReports(em).claimNext(T0, "node-a")).orElseThrow();
        assertEquals(digest, claimed.digest());
        assertTrue(db.inTransaction(em -> new JpaScanReports(em).claimNext(T0, "node-a")).isEmpty(), "claimed once");
        db.inTransaction(em -> {
            new JpaScanReports(em).request(repo.id(), digest, T0.plusSeconds(1));
            return null;
        });
        assertEquals(ScanSummary.SCANNING, db.inTransaction(em -> new JpaScanReports(em).of(repo.id(), digest))
                .orElseThrow().status(), "a request while it scans does not restart it");

        ScanFindings findings = new ScanFindings("Debian GNU/Linux 12 (bookworm)",
                List.of(new Component("Debian:12", "libssl3", "3.0.11-1", "openssl", "3.0.11-1", "pkg:deb/debian/libssl3@3.0.11-1", "var/lib/dpkg/status")),
                List.of(new Vulnerability("DSA-1", "CVE-2023-1", "high", 7.5, "Debian:12", "libssl3", "3.0.11-1", "3.0.12-1",
                        "var/lib/dpkg/status", "openssl update", "https://example.com")),
                List.of(new MaliciousFile("opt/eicar.com", "sha256:l2", "sha256:" + "e".repeat(64), "EICAR-Test-File")),
                List.of(new RiskCheck("Image configuration", "image_config", "hw_standard", "1.1", "Not root", "High", false, "User is root"),
                        new RiskCheck("Image configuration", "image_config", "hw_standard", "1.3", "Healthcheck", "Low", true, "")));
        db.inTransaction(em -> {
            new JpaScanReports(em).complete(claimed.id(), findings, T0.plusSeconds(5));
            return null;
        });
        ScanSummary done = db.inTransaction(em -> new JpaScanReports(em).of(repo.id(), digest)).orElseThrow();
        assertEquals(List.of(ScanSummary.SUCCESS, 1, 1, 1, T0.plusSeconds(5)),
                List.of(done.status(), done.vulNum(), done.unsafeSettingNum(), done.maliciousFileNum(), done.scannedAt()));
        assertEquals(findings.vulnerabilities(), db.inTransaction(em -> new JpaScanReports(em).vulnerabilities(done.id())));
        assertEquals(java.util.Map.of("high", 1L), db.inTransaction(em -> new JpaScanReports(em).severities(repo.accountId())),
                "the account's findings by severity");
        assertEquals(java.util.Map.of(), db.inTransaction(em -> new JpaScanReports(em).severities("someone-else")));
        assertEquals(findings.riskChecks(), db.inTransaction(em -> new JpaScanReports(em).riskChecks(done.id())));
        assertEquals(findings.maliciousFiles(), db.inTransaction(em -> new JpaScanReports(em).maliciousFiles(done.id())));
        assertEquals(findings.components(), db.inTransaction(em -> new JpaScanReports(em).components(done.id())));
        assertEquals(done, db.inTransaction(em -> new JpaScanReports(em).of(List.of(repo.id()), List.of(digest)))
                .get(repo.id() + "/" + digest));

        List<Vulnerability> many = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add(new Vulnerability("DSA-" + (1000 + i), "", "medium", 5.0, "Debian:12", "pkg" + i, "1.0", "", "var/lib/dpkg/status", "", ""));
        }
        db.inTransaction(em -> {
            new JpaScanReports(em).replaceVulnerabilities(done.id(), many);
            return null;
        });
        assertEquals(many, db.inTransaction(em -> new JpaScanReports(em).vulnerabilities(done.id())), "written in several statements");
        assertEquals(250, db.inTransaction(em -> new JpaScanReports(em).of(repo.id(), digest)).orElseThrow().vulNum());
        assertTrue(db.inTransaction(em -> new JpaScanReports(em).countSucceeded()) >= 1);
    }

    @Test
    void scansAStoppedServerLeftRunningWaitAgain() {
        String digest = "sha256:" + "2".repeat(64);
        db.inTransaction(em -> {
            new JpaScanReports(em).request(repo.id(), digest, T0.minusSeconds(60));
            return null;
        });
        ScanSummary claimed = db.inTransaction(em -> new JpaScanReports(em).claimNext(T0, "node-a")).orElseThrow();
        assertTrue((boolean) db.inTransaction(em -> new JpaLeases(em).acquire("node:node-a", "node-a",
                java.time.Duration.ofSeconds(30), null, T0)));
        assertEquals(0, (int) db.inTransaction(em -> new JpaScanReports(em).requeueInterrupted(T0)),
                "the node that claimed it lives: the scan stays its own");
        assertTrue(db.inTransaction(em -> new JpaScanReports(em).requeueInterrupted(T0.plusSeconds(31))) >= 1,
                "its node's lease ran out: the scan waits again");
        assertEquals(claimed.id(), db.inTransaction(em -> new JpaScanReports(em).claimNext(T0, "node-a")).orElseThrow().id());
        db.inTransaction(em -> {
            new JpaScanReports(em).fail(claimed.id(), "image_oversized", false, T0);
            return null;
        });
        ScanSummary failed = db.inTransaction(em -> new JpaScanReports(em).of(repo.id(), digest)).orElseThrow();
        assertEquals(List.of(ScanSummary.FAILED, "image_oversized", false),
                List.of(failed.status(), failed.failedDesc(), failed.scannable()));
    }

    @Test
    void advisoriesAreFoundByPackageAndReplacedWhenImportedAgain() {
        Advisory first = new Advisory("DSA-9", List.of("CVE-2024-9"), "s", "d", List.of(), List.of(), T0,
                List.of(new AffectedPackage("Debian:12", "openssl", List.of(), List.of()),
                        new AffectedPackage("Debian:11", "openssl", List.of(), List.of())));
        db.inTransaction(em -> new JpaAdvisories(em).store(new JpaAdvisories(em).begin("dir:/feeds", T0).id(),
                List.of(new Advisories.Imported(first, "{v1}")), T0));
        db.inTransaction(em -> new JpaAdvisories(em).store(new JpaAdvisories(em).begin("dir:/feeds", T0).id(),
                List.of(new Advisories.Imported(new Advisory("DSA-9", List.of(), "", "", List.of(), List.of(), T0,
                        List.of(new AffectedPackage("Debian:12", "openssl", List.of(), List.of()))), "{v2}")), T0));
        assertEquals(List.of("{v2}"), db.inTransaction(em -> new JpaAdvisories(em).documentsAffecting("Debian:12", "openssl")));
        assertEquals(List.of(), db.inTransaction(em -> new JpaAdvisories(em).documentsAffecting("Debian:11", "openssl")));
        assertEquals("dir:/feeds", db.inTransaction(em -> new JpaAdvisories(em).imports(0, 10)).get(0).source());
        db.inTransaction(em -> {
            new JpaAdvisories(em).addMaliciousHashes(Map.of("sha256:" + "a".repeat(64), "Trojan.X"));
            return null;
        });
        assertEquals("Trojan.X", db.inTransaction(em -> new JpaAdvisories(em).maliciousHashes()).get("sha256:" + "a".repeat(64)));
    }

    @Test
    void anImportRecordsItsProgressAndIsUnfinishedUntilItsImagesAreMatched() {
        FeedImport begun = db.inTransaction(em -> new JpaAdvisories(em).begin("osv:npm", T0));
        assertEquals(List.of(FeedImport.RUNNING, FeedImport.Progress.WAITING), List.of(begun.status(), begun.progress().phase()));
        db.inTransaction(em -> {
            new JpaAdvisories(em).progress(begun.id(), new FeedImport.Progress(FeedImport.Progress.READING, 40, 160));
            return null;
        });
        FeedImport reading = db.inTransaction(em -> new JpaAdvisories(em).importById(begun.id())).orElseThrow();
        assertEquals(25, reading.progress().percent());
        assertTrue(db.inTransaction(em -> new JpaAdvisories(em).unfinished()).contains(reading));

        FeedImport stored = db.inTransaction(em -> new JpaAdvisories(em).store(begun.id(), List.of(), T0));
        assertEquals(List.of(FeedImport.IMPORTED, FeedImport.Progress.MATCHING), List.of(stored.status(), stored.progress().phase()));
        assertTrue(stored.active(), "re-matching is still to come");
        db.inTransaction(em -> {
            new JpaAdvisories(em).progress(begun.id(), new FeedImport.Progress(FeedImport.Progress.DONE, 3, 3));
            return null;
        });
        assertFalse(db.inTransaction(em -> new JpaAdvisories(em).unfinished()).stream().anyMatch(i -> i.id() == begun.id()));

        FeedImport other = db.inTransaction(em -> new JpaAdvisories(em).begin("osv:broken", T0));
        FeedImport refused = db.inTransaction(em -> new JpaAdvisories(em).refused(other.id(), "broken.json: no id", T0));
        assertEquals(List.of(FeedImport.REFUSED, "broken.json: no id", false), List.of(refused.status(), refused.message(),
                refused.active()));
    }

    private static Advisories.Imported usn(String id, String document) {
        return new Advisories.Imported(new Advisory(id, List.of(), "", "", List.of(), List.of(), T0,
                List.of(new AffectedPackage("Ubuntu:22.04:LTS", "openssl", List.of(), List.of()),
                        new AffectedPackage("Ubuntu:Pro:22.04:LTS", "openssl", List.of(), List.of()))), document);
    }

    @Test
    void stagedBatchesAreStoredOnlyWhenPublishedAndUnderTheCanonicalEcosystem() {
        FeedImport begun = db.inTransaction(em -> new JpaAdvisories(em).begin("osv:Ubuntu", T0));
        db.inTransaction(em -> {
            new JpaAdvisories(em).stage(begun.id(), List.of(usn("USN-1", "{v1}"), usn("USN-2", "{u2}")));
            new JpaAdvisories(em).stage(begun.id(), List.of(usn("USN-1", "{v1 again}")));
            return null;
        });
        assertEquals(List.of(), db.inTransaction(em -> new JpaAdvisories(em).documentsAffecting("Ubuntu:22.04", "openssl")),
                "nothing is stored before the feed is published");
        FeedImport published = db.inTransaction(em -> new JpaAdvisories(em).publish(begun.id(), 3, T0));
        assertEquals(List.of(FeedImport.IMPORTED, 3), List.of(published.status(), published.advisoryCount()));
        assertEquals(List.of("{v1 again}", "{u2}"),
                db.inTransaction(em -> new JpaAdvisories(em).documentsAffecting("Ubuntu:22.04", "openssl")));
        assertEquals(List.of("{v1 again}", "{u2}"),
                db.inTransaction(em -> new JpaAdvisories(em).documentsAffecting("Ubuntu:Pro:22.04:LTS", "openssl")));
        assertEquals(0L, staged());
    }

    @Test
    void aRefusedImportDropsWhatItPutAsideAndStoresNothing() {
        FeedImport begun = db.inTransaction(em -> new JpaAdvisories(em).begin("osv:Ubuntu", T0));
        db.inTransaction(em -> {
            new JpaAdvisories(em).stage(begun.id(), List.of(usn("USN-9", "{v9}")));
            return null;
        });
        db.inTransaction(em -> new JpaAdvisories(em).refused(begun.id(), "zz.json has no id", T0));
        assertEquals(List.of(), db.inTransaction(em -> new JpaAdvisories(em).document("USN-9").stream().toList()));
        assertEquals(0L, staged());
    }

    private long staged() {
        return db.inTransaction(em -> ((Number) em.createNativeQuery("SELECT (SELECT COUNT(*) FROM advisory_staged)"
                + " + (SELECT COUNT(*) FROM advisory_package_staged)").getSingleResult()).longValue());
    }

    @Test
    void theMavenIndexNamesJarsBySha1AndAnEntryImportedAgainIsReplaced() {
        String sha1 = "a".repeat(40);
        db.inTransaction(em -> {
            new JpaAdvisories(em).addMavenHashes(Map.of(sha1, "org.springframework:spring-beans:5.3.16"));
            new JpaAdvisories(em).addMavenHashes(Map.of(sha1, "org.springframework:spring-beans:5.3.17"));
            return null;
        });
        assertEquals(Map.of(sha1, "org.springframework:spring-beans:5.3.17"), db.inTransaction(em ->
                new JpaAdvisories(em).mavenCoordinates(List.of(sha1, "b".repeat(40)))));
    }

    @Test
    void pullPoliciesAndAllowlistsAreStoredWithTheirExpiries() {
        long ns = repo.namespaceId();
        db.inTransaction(em -> {
            JpaPullPolicies policies = new JpaPullPolicies(em);
            policies.set(ns, io.wharf.domain.scan.PullPolicy.of(true, "high", false, List.of("oncall", "sre")));
            policies.setDefault(io.wharf.domain.scan.PullPolicy.of(false, "critical", true));
            policies.allow(new io.wharf.domain.scan.AllowedVulnerability(ns, "CVE-2024-1", "why", java.util.Optional.empty(),
                    "a/carol", T0));
            policies.allow(new io.wharf.domain.scan.AllowedVulnerability(ns, "GHSA-aaaa-bbbb-cccc", "until the fix",
                    java.util.Optional.of(T0.plusSeconds(3600)), "a/carol", T0));
            return null;
        });
        var policy = db.inTransaction(em -> new JpaPullPolicies(em).ofNamespace(ns)).orElseThrow();
        assertEquals(List.<Object>of(true, "high", false, List.of("oncall", "sre")), List.<Object>of(policy.refuseUnscanned(),
                policy.severityName(), policy.refuseMalicious(), policy.breakGlassUsers()));
        assertEquals("critical", db.inTransaction(em -> new JpaPullPolicies(em).defaultPolicy()).severityName());
        var allowlist = db.inTransaction(em -> new JpaPullPolicies(em).allowlist(ns));
        assertEquals(List.of("CVE-2024-1", "GHSA-aaaa-bbbb-cccc"), allowlist.stream()
                .map(io.wharf.domain.scan.AllowedVulnerability::vulnerabilityId).toList());
        assertEquals(List.<Object>of(java.util.Optional.empty(), java.util.Optional.of(T0.plusSeconds(3600))),
                allowlist.stream().<Object>map(io.wharf.domain.scan.AllowedVulnerability::expiresAt).toList());
        boolean revoked = db.<Boolean>inTransaction(em -> new JpaPullPolicies(em).revoke(ns, "CVE-2024-1"));
        boolean again = db.<Boolean>inTransaction(em -> new JpaPullPolicies(em).revoke(ns, "CVE-2024-1"));
        assertEquals(List.of(true, false), List.of(revoked, again));
        db.inTransaction(em -> {
            new JpaPullPolicies(em).clear(ns);
            return null;
        });
        assertTrue(db.inTransaction(em -> new JpaPullPolicies(em).ofNamespace(ns)).isEmpty());
    }
}
