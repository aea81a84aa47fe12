package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.Failure;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.registry.StoredManifest;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.scan.MaliciousFile;
import io.wharf.domain.scan.PullPolicy;
import io.wharf.domain.scan.ScanFindings;
import io.wharf.domain.scan.Vulnerability;
import io.wharf.web.fakes.InMemoryAuditTrail;
import io.wharf.web.fakes.InMemoryPullPolicies;
import io.wharf.web.fakes.InMemoryScanReports;
import io.wharf.web.fakes.InMemoryTenants;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static io.wharf.web.fakes.InMemoryTenants.ADMIN;
import static io.wharf.web.fakes.InMemoryTenants.MEMBER;
import static io.wharf.web.fakes.InMemoryTenants.OUTSIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ship decision over in-memory ports: who sets the policy, what it refuses, the allowlist and the break-glass. */
class PullPolicyServiceTest {
    private static final Caller WHARF_ADMIN = new Caller("root", "admin", "acct-w", "wharf", "pw", true, true);
    private static final String DIGEST = "sha256:" + "a".repeat(64);
    private static final Vulnerability SPRING4SHELL = new Vulnerability("GHSA-36p3-wjmg-h94x", "CVE-2022-22965", "critical",
            9.8, "Maven", "org.springframework:spring-beans", "5.3.17", "5.3.18", "app/lib/spring-beans.jar", "", "");
    private static final Vulnerability MEDIUM = new Vulnerability("DEBIAN-CVE-2024-28085", "CVE-2024-28085", "medium",
            5.5, "Debian:12", "util-linux", "2.38.1-5", "", "var/lib/dpkg/status", "", "");

    private final InMemoryTenants tenants = new InMemoryTenants();
    private final InMemoryScanReports scans = new InMemoryScanReports();
    private final InMemoryPullPolicies policies = new InMemoryPullPolicies();
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final AuditService audit = new AuditService(trail);
    private final PullPolicyService service = new PullPolicyService(policies, scans, tenants.access, audit);
    private final Namespace team = tenants.organization("team");
    private final ImageRepository app = tenants.repository(team, "app", false);

    {
        tenants.grant(MEMBER, io.wharf.domain.permission.Grant.Scope.NAMESPACE, team.id(),
                io.wharf.domain.permission.Permission.READ);
    }
    private final StoredManifest image = new StoredManifest(1, app.id(), DIGEST, "application/vnd.oci.image.manifest.v1+json",
            100, 100, "sha256:" + "c".repeat(64), "amd64", null, null, "", Instant.now(), List.of(), List.of());

    private void scanned(List<Vulnerability> found, List<MaliciousFile> malicious) {
        scans.request(app.id(), DIGEST, Instant.now());
        long id = scans.claimNext(Instant.now(), "n").orElseThrow().id();
        scans.complete(id, new ScanFindings("", List.of(), found, malicious, List.of()), Instant.now());
    }

    @Test
    void anOrganizationWithoutItsOwnPolicyFollowsTheAdministratorsDefault() {
        assertEquals(PullPolicy.NONE, service.policy(ADMIN, "team").policy());
        service.setDefault(WHARF_ADMIN, PullPolicy.of(true, "critical", true));
        PullPolicyService.PolicyView view = service.policy(MEMBER, "team");
        assertEquals(List.of(false, true, "critical"), List.of(view.own(), view.policy().refuseUnscanned(),
                view.policy().severityName()));
        assertEquals(Optional.of("The pull policy of organization team refuses team/app@" + DIGEST
                + ": the image is not scanned yet."), service.refusal(app, image));
    }

    @Test
    void onlyManagersSetAnOrganizationsPolicyAndOnlyAdministratorsTheDefault() {
        assertEquals(Failure.FORBIDDEN, assertThrows(WharfException.class,
                () -> service.setPolicy(MEMBER, "team", PullPolicy.of(false, "high", false))).failure());
        assertEquals(Failure.NOT_FOUND, assertThrows(WharfException.class,
                () -> service.setPolicy(OUTSIDER, "team", PullPolicy.NONE)).failure(), "another account's looks missing");
        assertEquals(Failure.FORBIDDEN, assertThrows(WharfException.class,
                () -> service.setDefault(ADMIN, PullPolicy.NONE)).failure());
        assertTrue(service.setPolicy(ADMIN, "team", PullPolicy.of(false, "high", false)).own());
        assertFalse(service.clearPolicy(ADMIN, "team").own());
    }

    @Test
    void aSeverityOutsideTheScaleIsRefusedNamingTheField() {
        WharfException refused = assertThrows(WharfException.class, () -> PullPolicy.of(false, "severe", false));
        assertEquals(List.of(Failure.INVALID, "severity"), List.of(refused.failure(), refused.field()));
    }

    @Test
    void aFindingAtOrAboveTheLimitRefusesTheImageUntilItIsAllowlisted() {
        scanned(List.of(SPRING4SHELL, MEDIUM), List.of());
        service.setPolicy(ADMIN, "team", PullPolicy.of(false, "high", false));
        String why = service.refusal(app, image).orElseThrow();
        assertTrue(why.endsWith("1 finding(s) at or above high, the worst CVE-2022-22965 (critical) in "
                + "org.springframework:spring-beans 5.3.17."), why);

        service.allow(ADMIN, "team", "CVE-2022-22965", "not reachable: no data binding", Optional.empty());
        assertEquals(Optional.empty(), service.refusal(app, image), "the medium finding is under the limit");
        service.setPolicy(ADMIN, "team", PullPolicy.of(false, "medium", false));
        assertTrue(service.refusal(app, image).orElseThrow().contains("CVE-2024-28085"));
    }

    @Test
    void anExpiredAllowlistEntryNoLongerCounts() {
        scanned(List.of(SPRING4SHELL), List.of());
        service.setPolicy(ADMIN, "team", PullPolicy.of(false, "critical", false));
        policies.allow(new io.wharf.domain.scan.AllowedVulnerability(team.id(), "GHSA-36p3-wjmg-h94x", "until the fix",
                Optional.of(Instant.now().minus(1, ChronoUnit.MINUTES)), "a/alice", Instant.now().minus(1, ChronoUnit.DAYS)));
        assertTrue(service.refusal(app, image).isPresent());
        WharfException past = assertThrows(WharfException.class, () -> service.allow(ADMIN, "team", "CVE-2022-22965",
                "why", Optional.of(Instant.now().minusSeconds(5))));
        assertEquals("expires_at", past.field());
    }

    @Test
    void onlyManagersChangeTheAllowlistAndItsEntriesAreValidated() {
        assertEquals(Failure.FORBIDDEN, assertThrows(WharfException.class, () -> service.allow(MEMBER, "team",
                "CVE-2022-22965", "why", Optional.empty())).failure());
        assertEquals("vul_id", assertThrows(WharfException.class, () -> service.allow(ADMIN, "team", "not an id!",
                "why", Optional.empty())).field());
        assertEquals("reason", assertThrows(WharfException.class, () -> service.allow(ADMIN, "team", "CVE-2022-22965",
                " ", Optional.empty())).field());
        assertEquals(Failure.NOT_FOUND, assertThrows(WharfException.class,
                () -> service.revoke(ADMIN, "team", "CVE-2000-1")).failure());
        service.allow(ADMIN, "team", "CVE-2022-22965", "why", Optional.empty());
        assertEquals("a/alice", service.allowlist(MEMBER, "team").get(0).allowedBy());
    }

    @Test
    void aMaliciousFileRefusesTheImage() {
        scanned(List.of(), List.of(new MaliciousFile("opt/eicar.com", "sha256:l", "sha256:" + "e".repeat(64), "EICAR")));
        service.setPolicy(ADMIN, "team", PullPolicy.of(false, "", true));
        assertTrue(service.refusal(app, image).orElseThrow().endsWith("it holds 1 malicious file(s)."));
    }

    @Test
    void anArtifactAboutAnImageIsNotAnImage() {
        service.setPolicy(ADMIN, "team", PullPolicy.of(true, "", false));
        StoredManifest sbom = new StoredManifest(2, app.id(), "sha256:" + "b".repeat(64), image.mediaType(), 10, 10,
                image.configDigest(), "", DIGEST, "application/vnd.cyclonedx+json", "", Instant.now(), List.of(), List.of());
        assertEquals(Optional.empty(), service.refusal(app, sbom));
    }

    @Test
    void aRefusedPullIsDeniedToUsersAndServedToTheBreakGlassUsersWithATrace() {
        service.setPolicy(ADMIN, "team", PullPolicy.of(true, "", false, List.of("mike")));
        WharfException denied = assertThrows(WharfException.class,
                () -> service.checkPull(ADMIN, app, image, "10.0.0.1", "req-1"));
        assertEquals(Failure.FORBIDDEN, denied.failure());
        assertThrows(WharfException.class, () -> service.checkPull(WHARF_ADMIN, app, image, "10.0.0.2", "req-2"),
                "Wharf's administrators are not the organization's break-glass");
        Caller mikeElsewhere = new Caller("m2", "mike", "acct-b", "b", "pb", false, false);
        assertThrows(WharfException.class, () -> service.checkPull(mikeElsewhere, app, image, "10.0.0.3", "req-3"),
                "a user of another account named mike is not this account's mike");
        audit.flush();
        assertEquals(0, trail.size());

        service.checkPull(MEMBER, app, image, "10.0.0.9", "req-4");
        audit.flush();
        var trace = trail.find(new io.wharf.domain.audit.AuditQuery(MEMBER.accountId(), null, Instant.EPOCH,
                Instant.now().plusSeconds(60), null, null, null, null, null, null, Long.MAX_VALUE, 10)).get(0);
        assertEquals(List.of("bypassPullPolicy", "warning", "team/app@" + DIGEST, "mike", "10.0.0.9", "req-4"),
                List.of(trace.traceName(), trace.rating(), trace.resourceName(), trace.userName(), trace.sourceIp(),
                        trace.requestId()));
    }

    @Test
    void breakGlassUsersAreNamedUsersAndFew() {
        assertEquals("break_glass_users", assertThrows(WharfException.class,
                () -> PullPolicy.of(false, "", false, List.of("not a name!"))).field());
        List<String> many = java.util.stream.IntStream.range(0, 21).mapToObj(i -> "u" + i).toList();
        assertEquals("break_glass_users", assertThrows(WharfException.class,
                () -> PullPolicy.of(false, "", false, many)).field());
    }

    @Test
    void theDefaultNamesNoBreakGlassUsers() {
        service.setDefault(WHARF_ADMIN, PullPolicy.of(true, "", false, List.of("mike")));
        assertThrows(WharfException.class, () -> service.checkPull(MEMBER, app, image, "", ""));
    }
}
