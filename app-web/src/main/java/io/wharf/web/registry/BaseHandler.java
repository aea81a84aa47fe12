package io.wharf.web.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;

/** {@code GET /v2/}: whether the caller is signed in, the first thing every client asks. */
@ApplicationScoped
class BaseHandler {
    @Inject
    RegistryRights rights;

    BaseHandler() {
    }

    BaseHandler(RegistryRights rights) {
        this.rights = rights;
    }

    void check(RegistryCall call, Target target) throws IOException {
        if (target.who().anonymous()) {
            rights.challenge(call, null);
            throw new RegistryException(RegistryError.UNAUTHORIZED, "Sign in to use the registry.");
        }
        call.json(200, "{}");
    }
}
