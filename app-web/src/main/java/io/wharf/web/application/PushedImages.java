package io.wharf.web.application;

import io.wharf.domain.registry.StoredManifest;

/** Told of every manifest a push records, after its transactions (image scanning listens: scan on push). */
@FunctionalInterface
public interface PushedImages {
    void pushed(StoredManifest manifest);
}
