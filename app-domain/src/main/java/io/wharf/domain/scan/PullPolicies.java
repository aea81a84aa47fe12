package io.wharf.domain.scan;

import java.util.List;
import java.util.Optional;

/** Organizations' pull policies, the administrators' default, and the organizations' vulnerability allowlists. */
public interface PullPolicies {
    Optional<PullPolicy> ofNamespace(long namespaceId);

    void set(long namespaceId, PullPolicy policy);

    /** The organization follows the default again. */
    void clear(long namespaceId);

    /** The policy of organizations without their own; {@link PullPolicy#NONE} until an administrator sets one. */
    PullPolicy defaultPolicy();

    void setDefault(PullPolicy policy);

    List<AllowedVulnerability> allowlist(long namespaceId);

    /** Adds or replaces (same id) an entry. */
    void allow(AllowedVulnerability allowed);

    /** Removes an entry; false when there was none. */
    boolean revoke(long namespaceId, String vulnerabilityId);
}
