package io.wharf.web.registry;

import io.wharf.domain.account.Caller;
import io.wharf.domain.registry.RegistryPath;
import io.wharf.domain.repository.ImageRepository;

/**
 * What the dispatcher resolved before a handler runs: who calls, the repository path and — for routes that need it to
 * exist — the repository itself (null when a push may still create it), and the route's second part (a digest, a
 * tag or an upload id).
 */
record Target(RegistryAuthenticator.Identified who, RegistryPath path, ImageRepository repository, String reference) {

    Caller caller() {
        return who.caller();
    }
}
