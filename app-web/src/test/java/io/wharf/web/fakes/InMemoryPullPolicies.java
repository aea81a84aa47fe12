package io.wharf.web.fakes;

import io.wharf.domain.scan.AllowedVulnerability;
import io.wharf.domain.scan.PullPolicies;
import io.wharf.domain.scan.PullPolicy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Pull policies and allowlists in maps. */
public final class InMemoryPullPolicies implements PullPolicies {
    private final Map<Long, PullPolicy> policies = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, AllowedVulnerability>> allowlists = new ConcurrentHashMap<>();
    private volatile PullPolicy defaultPolicy = PullPolicy.NONE;

    @Override
    public Optional<PullPolicy> ofNamespace(long namespaceId) {
        return Optional.ofNullable(policies.get(namespaceId));
    }

    @Override
    public void set(long namespaceId, PullPolicy policy) {
        policies.put(namespaceId, policy);
    }

    @Override
    public void clear(long namespaceId) {
        policies.remove(namespaceId);
    }

    @Override
    public PullPolicy defaultPolicy() {
        return defaultPolicy;
    }

    @Override
    public void setDefault(PullPolicy policy) {
        defaultPolicy = policy;
    }

    @Override
    public List<AllowedVulnerability> allowlist(long namespaceId) {
        return allowlists.getOrDefault(namespaceId, Map.of()).values().stream()
                .sorted(Comparator.comparing(AllowedVulnerability::vulnerabilityId)).toList();
    }

    @Override
    public void allow(AllowedVulnerability allowed) {
        allowlists.computeIfAbsent(allowed.namespaceId(), id -> new ConcurrentHashMap<>())
                .put(allowed.vulnerabilityId(), allowed);
    }

    @Override
    public boolean revoke(long namespaceId, String vulnerabilityId) {
        return allowlists.getOrDefault(namespaceId, new ConcurrentHashMap<>()).remove(vulnerabilityId) != null;
    }
}
