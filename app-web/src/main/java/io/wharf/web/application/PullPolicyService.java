package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.audit.AuditTrace;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.permission.Permission;
import io.wharf.domain.registry.StoredManifest;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.scan.AllowedVulnerability;
import io.wharf.domain.scan.PullPolicies;
import io.wharf.domain.scan.PullPolicy;
import io.wharf.domain.scan.ScanReports;
import io.wharf.domain.scan.ScanSummary;
import io.wharf.domain.scan.Vulnerability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The ship decision: an organization's pull policy (its managers set it; Wharf's administrators set the default for
 * organizations without one), its vulnerability allowlist, and the check the registry makes before it serves an
 * image's manifest — to docker, podman and skopeo, and to Wharf's own replication. The break-glass users an
 * organization's policy names (users of its own account) are served what it refuses, each such pull recorded in the
 * audit trail.
 */
@ApplicationScoped
public class PullPolicyService {
    @Inject
    PullPolicies policies;
    @Inject
    ScanReports scans;
    @Inject
    RepositoryAccess access;
    @Inject
    AuditService audit;
    @Inject
    PullPolicyService self;

    /** Every pull reads the organization's policy: remembered a few seconds, forgotten at once on a change here. */
    private final ShortCache<Long, PullPolicy> effective = new ShortCache<>();

    protected PullPolicyService() {
    }

    /** For tests over in-memory ports: its own proxy is itself. */
    public PullPolicyService(PullPolicies policies, ScanReports scans, RepositoryAccess access, AuditService audit) {
        this.policies = policies;
        this.scans = scans;
        this.access = access;
        this.audit = audit;
        this.self = this;
    }

    /** An organization's policy as its readers see it: its own, or the default it follows. */
    public record PolicyView(String namespace, PullPolicy policy, boolean own) {
    }

    @UseCase
    public PolicyView policy(Caller caller, String namespace) {
        Namespace ns = access.visibleNamespace(caller, namespace);
        return view(ns);
    }

    @UseCase
    public PolicyView setPolicy(Caller caller, String namespace, PullPolicy policy) {
        Namespace ns = access.visibleNamespace(caller, namespace);
        access.require(caller, ns, Permission.MANAGE);
        policies.set(ns.id(), policy);
        effective.forget(ns.id());
        return view(ns);
    }

    /** The organization follows the administrators' default again. */
    @UseCase
    public PolicyView clearPolicy(Caller caller, String namespace) {
        Namespace ns = access.visibleNamespace(caller, namespace);
        access.require(caller, ns, Permission.MANAGE);
        policies.clear(ns.id());
        effective.forget(ns.id());
        return view(ns);
    }

    @UseCase
    public PullPolicy defaultPolicy() {
        return policies.defaultPolicy();
    }

    @UseCase
    public PullPolicy setDefault(Caller caller, PullPolicy policy) {
        if (!caller.systemAdministrator()) {
            throw WharfException.forbidden("Only Wharf's administrators set the default pull policy.");
        }
        policies.setDefault(new PullPolicy(policy.refuseUnscanned(), policy.refuseAtOrAbove(), policy.refuseMalicious(),
                List.of()));
        effective.clear();
        return policy;
    }

    @UseCase
    public List<AllowedVulnerability> allowlist(Caller caller, String namespace) {
        return policies.allowlist(access.visibleNamespace(caller, namespace).id());
    }

    /** Accepts a vulnerability in the organization's images until {@code expiresAt} (empty: until removed). */
    @UseCase
    public AllowedVulnerability allow(Caller caller, String namespace, String vulnerabilityId, String reason,
                                      Optional<Instant> expiresAt) {
        Namespace ns = access.visibleNamespace(caller, namespace);
        access.require(caller, ns, Permission.MANAGE);
        Instant now = now();
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
            throw WharfException.invalid("expires_at", "expires_at must lie in the future.");
        }
        AllowedVulnerability allowed = new AllowedVulnerability(ns.id(), vulnerabilityId, reason, expiresAt,
                caller.accountName() + "/" + caller.userName(), now);
        List<AllowedVulnerability> existing = policies.allowlist(ns.id());
        boolean replacing = existing.stream().anyMatch(a -> a.vulnerabilityId().equals(vulnerabilityId));
        if (!replacing && existing.size() >= AllowedVulnerability.MAX_PER_NAMESPACE) {
            throw WharfException.invalid("vul_id", "An organization's allowlist holds at most "
                    + AllowedVulnerability.MAX_PER_NAMESPACE + " entries.");
        }
        policies.allow(allowed);
        return allowed;
    }

    @UseCase
    public void revoke(Caller caller, String namespace, String vulnerabilityId) {
        Namespace ns = access.visibleNamespace(caller, namespace);
        access.require(caller, ns, Permission.MANAGE);
        if (!policies.revoke(ns.id(), vulnerabilityId)) {
            throw WharfException.notFound(Subject.ALLOWED_VULNERABILITY, vulnerabilityId + " is not on the allowlist of "
                    + ns.name() + ".");
        }
    }

    /**
     * Why the organization's policy refuses the image (a manifest of the repository), naming the policy and the worst
     * finding; empty when it may be pulled. Artifacts about an image (an SBOM, a signature: manifests with a subject)
     * are not images and pass.
     */
    @UseCase
    public Optional<String> refusal(ImageRepository repository, StoredManifest manifest) {
        if (manifest.subjectDigest() != null && !manifest.subjectDigest().isEmpty()) {
            return Optional.empty();
        }
        return refusal(repository, manifest.digest());
    }

    /**
     * The refusals of a page of the repository's images (tagged images), by digest; absent when allowed. The page's
     * scans are read in one query and the allowlist at most once.
     */
    @UseCase
    public Map<String, String> refusals(ImageRepository repository, List<String> digests) {
        Map<String, String> refused = new HashMap<>();
        PullPolicy policy = effective.get(repository.namespaceId(), this::effectivePolicy);
        if (!policy.active() || digests.isEmpty()) {
            return refused;
        }
        Map<String, ScanSummary> scanned = scans.of(List.of(repository.id()), digests);
        Allowed allowed = new Allowed(repository.namespaceId());
        for (String digest : digests) {
            refusal(repository, digest, policy, Optional.ofNullable(scanned.get(repository.id() + "/" + digest)), allowed)
                    .ifPresent(why -> refused.put(digest, why));
        }
        return refused;
    }

    private Optional<String> refusal(ImageRepository repository, String digest) {
        PullPolicy policy = effective.get(repository.namespaceId(), this::effectivePolicy);
        if (!policy.active()) {
            return Optional.empty();
        }
        return refusal(repository, digest, policy, scans.of(repository.id(), digest), new Allowed(repository.namespaceId()));
    }

    private Optional<String> refusal(ImageRepository repository, String digest, PullPolicy policy,
                                     Optional<ScanSummary> scan, Allowed allowed) {
        boolean findingsMatter = policy.refuseAtOrAbove().isPresent() && scan.filter(s -> s.status().equals(
                ScanSummary.SUCCESS) && s.counts().atOrAbove(policy.refuseAtOrAbove().get()) > 0).isPresent();
        List<Vulnerability> findings = findingsMatter ? scans.vulnerabilities(scan.get().id()) : List.of();
        return policy.refusal(scan, findings, findingsMatter ? allowed.ids() : Set.of()).map(why -> "The pull policy of"
                + " organization " + repository.namespace() + " refuses " + repository.path() + "@" + digest + ": " + why + ".");
    }

    /** The organization's allowlisted ids in force, read when first needed (most images have nothing to allow). */
    private final class Allowed {
        private final long namespaceId;
        private Set<String> ids;

        Allowed(long namespaceId) {
            this.namespaceId = namespaceId;
        }

        Set<String> ids() {
            if (ids == null) {
                Instant now = now();
                ids = policies.allowlist(namespaceId).stream().filter(a -> a.inForceAt(now))
                        .map(AllowedVulnerability::vulnerabilityId).collect(Collectors.toSet());
            }
            return ids;
        }
    }

    /**
     * The registry's check before serving a manifest: a refusal is a 403 ({@code DENIED}) naming the policy and the
     * worst finding; the policy's break-glass users are served anyway, and the bypass is recorded in the audit trail.
     */
    public void checkPull(Caller caller, ImageRepository repository, StoredManifest manifest, String sourceIp,
                          String requestId) {
        // The common case — no policy — costs a cache read, not a transaction.
        PullPolicy policy = effective.get(repository.namespaceId(), id -> self.effectivePolicy(id));
        if (!policy.active()) {
            return;
        }
        Optional<String> refusal = self.refusal(repository, manifest);
        if (refusal.isEmpty()) {
            return;
        }
        if (caller != null && caller.accountId().equals(repository.accountId())
                && policy.breakGlassUsers().contains(caller.userName())) {
            audit.record(new AuditTrace(0, UUID.randomUUID().toString(), now(), "registry", "bypassPullPolicy",
                    AuditTrace.WARNING, "image", repository.path() + "@" + manifest.digest(), caller.accountId(),
                    caller.accountName(), caller.userId(), caller.userName(), "", "GET",
                    "/v2/" + repository.path() + "/manifests/" + manifest.digest(), 200, sourceIp, requestId));
            return;
        }
        throw WharfException.forbidden(refusal.get() + " An organization manager may allowlist the finding;"
                + " the policy's break-glass users may pull it (recorded).");
    }

    /** The organization's own policy, or the default (stored without break-glass users: it spans accounts). */
    @UseCase
    public PullPolicy effectivePolicy(long namespaceId) {
        return policies.ofNamespace(namespaceId).orElseGet(policies::defaultPolicy);
    }

    private PolicyView view(Namespace ns) {
        Optional<PullPolicy> own = policies.ofNamespace(ns.id());
        return new PolicyView(ns.name().value(), own.orElseGet(policies::defaultPolicy), own.isPresent());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
