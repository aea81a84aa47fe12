package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.registry.RegistryPath;
import io.wharf.domain.registry.StoredManifest;

/**
 * Told of every manifest a push records, after its transactions, with who pushed it and the tag it was pushed by
 * (null for a push by digest): scan on push, triggers and automatic replication follow from it.
 */
@FunctionalInterface
public interface PushedImages {
    void pushed(Caller caller, RegistryPath path, String tag, StoredManifest manifest);
}
