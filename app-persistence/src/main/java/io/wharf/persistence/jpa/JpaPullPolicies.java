package io.wharf.persistence.jpa;

import io.wharf.domain.scan.AllowedVulnerability;
import io.wharf.domain.scan.PullPolicies;
import io.wharf.domain.scan.PullPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import static io.wharf.persistence.jpa.JpaScanReports.bool;
import static io.wharf.persistence.jpa.JpaScanReports.instant;
import static io.wharf.persistence.jpa.JpaScanReports.s;

/** Pull policies ({@code pull_policy}; the default under namespace id 0) and allowlists, in parameterised SQL. */
@ApplicationScoped
public class JpaPullPolicies implements PullPolicies {
    private static final long DEFAULT = 0;

    @PersistenceContext(unitName = "wharf")
    EntityManager em;

    protected JpaPullPolicies() {
    }

    public JpaPullPolicies(EntityManager em) {
        this.em = em;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<PullPolicy> ofNamespace(long namespaceId) {
        return ((List<Object[]>) em.createNativeQuery("SELECT refuse_unscanned, refuse_severity, refuse_malicious,"
                        + " break_glass_users FROM pull_policy WHERE namespace_id = ?1").setParameter(1, namespaceId)
                .getResultList()).stream().findFirst().map(r -> PullPolicy.of(bool(r[0]), s(r[1]), bool(r[2]),
                        s(r[3]).isEmpty() ? List.of() : List.of(s(r[3]).split(","))));
    }

    @Override
    public void set(long namespaceId, PullPolicy policy) {
        em.createNativeQuery("INSERT INTO pull_policy (namespace_id, refuse_unscanned, refuse_severity, refuse_malicious,"
                        + " break_glass_users) VALUES (?1, ?2, ?3, ?4, ?5) ON DUPLICATE KEY UPDATE refuse_unscanned = ?2,"
                        + " refuse_severity = ?3, refuse_malicious = ?4, break_glass_users = ?5")
                .setParameter(1, namespaceId).setParameter(2, policy.refuseUnscanned())
                .setParameter(3, policy.severityName()).setParameter(4, policy.refuseMalicious())
                .setParameter(5, String.join(",", policy.breakGlassUsers())).executeUpdate();
    }

    @Override
    public void clear(long namespaceId) {
        em.createNativeQuery("DELETE FROM pull_policy WHERE namespace_id = ?1").setParameter(1, namespaceId).executeUpdate();
    }

    @Override
    public PullPolicy defaultPolicy() {
        return ofNamespace(DEFAULT).orElse(PullPolicy.NONE);
    }

    @Override
    public void setDefault(PullPolicy policy) {
        set(DEFAULT, policy);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<AllowedVulnerability> allowlist(long namespaceId) {
        return ((List<Object[]>) em.createNativeQuery("SELECT vul_id, reason, expires_at, allowed_by, allowed_at"
                        + " FROM vulnerability_allowlist WHERE namespace_id = ?1 ORDER BY vul_id")
                .setParameter(1, namespaceId).getResultList()).stream()
                .map(r -> new AllowedVulnerability(namespaceId, s(r[0]), s(r[1]), Optional.ofNullable(instant(r[2])),
                        s(r[3]), instant(r[4]))).toList();
    }

    @Override
    public void allow(AllowedVulnerability allowed) {
        em.createNativeQuery("INSERT INTO vulnerability_allowlist (namespace_id, vul_id, reason, expires_at, allowed_by,"
                        + " allowed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON DUPLICATE KEY UPDATE reason = ?3,"
                        + " expires_at = ?4, allowed_by = ?5, allowed_at = ?6")
                .setParameter(1, allowed.namespaceId()).setParameter(2, allowed.vulnerabilityId())
                .setParameter(3, allowed.reason())
                .setParameter(4, allowed.expiresAt().map(Timestamp::from).orElse(null))
                .setParameter(5, allowed.allowedBy()).setParameter(6, Timestamp.from(allowed.allowedAt())).executeUpdate();
    }

    @Override
    public boolean revoke(long namespaceId, String vulnerabilityId) {
        return em.createNativeQuery("DELETE FROM vulnerability_allowlist WHERE namespace_id = ?1 AND vul_id = ?2")
                .setParameter(1, namespaceId).setParameter(2, vulnerabilityId).executeUpdate() > 0;
    }
}
