package io.wharf.integration.registry;

import io.wharf.domain.sync.OutboundPolicy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Optional;

/** The operator's {@link SyncNetworkPolicy}, asked when a target is created. */
@ApplicationScoped
public class ConfiguredOutboundPolicy implements OutboundPolicy {
    private final SyncNetworkPolicy policy = SyncNetworkPolicy.configured();

    @Override
    public Optional<String> refusal(URI target) {
        return policy.refusal(target, false);
    }
}
