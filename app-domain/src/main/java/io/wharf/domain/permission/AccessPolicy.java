package io.wharf.domain.permission;

import io.wharf.domain.account.Caller;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.repository.ImageRepository;

import java.util.Optional;

/**
 * Decides the right a caller holds on an organization or repository: the one permission check. Another account's organization yields nothing at all, so
 * that it cannot be told apart from one that does not exist. Inside the account, its administrator and the
 * organization's creator manage it; other users hold no right until one is granted to them.
 */
public final class AccessPolicy {

    public Optional<Permission> rightOn(Caller caller, Namespace namespace) {
        if (!namespace.accountId().equals(caller.accountId())) {
            return Optional.empty();
        }
        if (caller.accountAdministrator() || namespace.creatorId().equals(caller.userId())) {
            return Optional.of(Permission.MANAGE);
        }
        return Optional.empty();
    }

    /**
     * The right a caller holds on a repository: their right on its organization, else read when the repository is
     * public (every account may pull a public image) or a valid share reaches the caller's account.
     */
    public Optional<Permission> rightOn(Caller caller, Namespace namespace, ImageRepository repository,
                                        boolean sharedWithCaller) {
        Optional<Permission> onNamespace = rightOn(caller, namespace);
        if (onNamespace.isPresent() || !(repository.isPublic() || sharedWithCaller)) {
            return onNamespace;
        }
        return Optional.of(Permission.READ);
    }
}
