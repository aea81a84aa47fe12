package io.wharf.domain.permission;

import io.wharf.domain.account.Caller;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.repository.ImageRepository;

import java.util.Optional;

/**
 * Decides the right a caller holds on an organization or repository: the one permission check. Another account's
 * organization yields nothing at all, so that it cannot be told apart from one that does not exist. Inside the
 * account, its administrator and the organization's creator manage it; other users hold what was granted to them.
 */
public final class AccessPolicy {

    public Optional<Permission> rightOn(Caller caller, Namespace namespace) {
        return rightOn(caller, namespace, Optional.empty());
    }

    /** The caller's right on an organization, given what was granted to them on it; none where {@link Visibility} hides it. */
    public Optional<Permission> rightOn(Caller caller, Namespace namespace, Optional<Permission> granted) {
        Visibility visibility = Visibility.of(caller);
        if (!visibility.seesNamespace(namespace, granted.isPresent())) {
            return Optional.empty();
        }
        if (visibility.wholeAccount() || namespace.creatorId().equals(caller.userId())) {
            return Optional.of(Permission.MANAGE);
        }
        return granted;
    }

    /**
     * The caller's right on a repository, given their grants on it and on its organization: the strongest of the
     * organization right, the repository grant (same account only), and read from a public flag or a valid share.
     */
    public Optional<Permission> rightOn(Caller caller, Namespace namespace, Optional<Permission> namespaceGrant,
                                        ImageRepository repository, Optional<Permission> repositoryGrant,
                                        boolean sharedWithCaller) {
        if (!Visibility.of(caller).seesRepository(namespace, namespaceGrant.isPresent(), repository,
                repositoryGrant.isPresent() && namespace.accountId().equals(caller.accountId()), sharedWithCaller)) {
            return Optional.empty();
        }
        Optional<Permission> best = rightOn(caller, namespace, namespaceGrant);
        if (namespace.accountId().equals(caller.accountId())) {
            best = strongest(best, repositoryGrant);
        }
        if (repository.isPublic() || sharedWithCaller) {
            best = strongest(best, Optional.of(Permission.READ));
        }
        return best;
    }

    private static Optional<Permission> strongest(Optional<Permission> a, Optional<Permission> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().includes(b.get()) ? a.get() : b.get());
    }
}
