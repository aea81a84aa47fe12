package io.wharf.web.registry;

import io.wharf.domain.registry.RegistryPath;
import io.wharf.web.application.RegistryService;
import io.wharf.web.application.WharfSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * What a registry caller may do on a repository, and how a refusal is told: a bearer token answers from what it
 * grants (no database), Basic credentials from the database's rights. An anonymous caller, or a token without the
 * needed scope, gets the 401 challenge naming the scope to ask for; a signed-in caller who may not even pull sees the
 * repository as missing; one who may pull but not push is denied.
 */
@ApplicationScoped
class RegistryRights {
    static final String SERVICE = "wharf";

    @Inject
    RegistryService registry;
    @Inject
    WharfSettings settings;

    RegistryRights() {
    }

    RegistryRights(RegistryService registry, WharfSettings settings) {
        this.registry = registry;
        this.settings = settings;
    }

    Set<String> allowed(RegistryAuthenticator.Identified who, RegistryPath path) {
        return who.granted() != null ? who.granted().getOrDefault(path.toString(), Set.of())
                : registry.allowedActions(who.caller(), path);
    }

    /** Refuses unless the caller may take {@code action}; {@code mountFrom}: a mount's source, asked for in the challenge. */
    void permit(RegistryCall call, RegistryAuthenticator.Identified who, RegistryPath path, String action,
                RegistryPath mountFrom) {
        Set<String> allowed = allowed(who, path);
        if (allowed.contains(action)) {
            return;
        }
        if (who.anonymous() || who.granted() != null) {
            // Ask for a token with the needed scope; a client that already has one reports the refusal.
            challenge(call, "repository:" + path + ":" + scopeOf(action)
                    + (mountFrom == null || mountFrom.equals(path) ? "" : " repository:" + mountFrom + ":pull"));
            throw new RegistryException(RegistryError.UNAUTHORIZED,
                    "Authentication with the " + action + " right on " + path + " is required.");
        }
        if (!allowed.contains(RegistryService.PULL)) {
            throw new RegistryException(RegistryError.NAME_UNKNOWN, "The repository " + path + " does not exist.");
        }
        throw new RegistryException(RegistryError.DENIED, "You may not " + action + " " + path + ".");
    }

    /** The bearer challenge; its realm comes from the configured address, never from the request's Host header. */
    void challenge(RegistryCall call, String scope) {
        call.header("WWW-Authenticate", "Bearer realm=\"" + settings.externalUrl() + "/v2/token\",service=\""
                + SERVICE + "\"" + (scope == null ? "" : ",scope=\"" + scope + "\""));
    }

    private static String scopeOf(String action) {
        return action.equals(RegistryService.PULL) ? "pull" : "pull," + action;
    }
}
