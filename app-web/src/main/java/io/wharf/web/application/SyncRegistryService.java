package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.credential.SecretCipher;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.sync.RegistryType;
import io.wharf.domain.sync.SyncRegistries;
import io.wharf.domain.sync.SyncRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The registries an account syncs image assets from. Any user of the account sees them; only the account's
 * administrators register and remove them, because their credentials reach outside Wharf. Passwords are sealed with
 * the configured key before they are stored and are never returned.
 */
@ApplicationScoped
@UseCase
public class SyncRegistryService {
    @Inject
    SyncRegistries registries;
    @Inject
    SecretCipher cipher;
    @Inject
    io.wharf.domain.sync.OutboundPolicy outbound;

    public SyncRegistry add(Caller caller, String name, String type, String url, String username, String password) {
        requireAdministrator(caller);
        RegistryType registryType = RegistryType.of(type);
        SyncRegistry.validate(name, registryType, url, username, password);
        boolean remote = registryType.remote();
        if (remote && outbound != null) {
            outbound.requireReachable("registry_url", url);
        }
        return registries.add(new SyncRegistry(0, caller.accountId(), name, registryType,
                remote ? stripSlash(url) : "", remote && username != null ? username : "",
                remote && password != null && !password.isEmpty() ? cipher.encrypt(password) : "",
                Instant.now().truncatedTo(ChronoUnit.MICROS)));
    }

    public List<SyncRegistry> list(Caller caller) {
        return registries.list(caller.accountId());
    }

    public void remove(Caller caller, long id) {
        requireAdministrator(caller);
        registries.remove(registries.byId(caller.accountId(), id).orElseThrow(() -> WharfException.notFound(
                Subject.SYNC_REGISTRY, "The registry " + id + " does not exist.")));
    }

    private static void requireAdministrator(Caller caller) {
        if (!caller.accountAdministrator()) {
            throw WharfException.forbidden("Only the account's administrators register registries.");
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
