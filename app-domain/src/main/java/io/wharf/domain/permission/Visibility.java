package io.wharf.domain.permission;

import io.wharf.domain.account.Caller;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.repository.ImageRepository;

/**
 * Which organizations and repositories a caller sees — the one visibility rule:
 * <ul>
 *   <li>the account's administrators see every organization and repository of the account ({@code userId} null);</li>
 *   <li>any other user of the account sees the organizations they created or hold a grant on, the repositories of
 *       those organizations, and the repositories they hold a grant on;</li>
 *   <li>a repository of any account is also seen when it is shared with the caller's account until the share's
 *       deadline, or public.</li>
 * </ul>
 * {@link AccessPolicy} applies it to one organization or repository (the registry's rights come from there);
 * persistence turns the same rule into the where-clause of every list, in one place ({@code VisibilityClauses}).
 */
public record Visibility(String accountId, String userId) {

    public static Visibility of(Caller caller) {
        return new Visibility(caller.accountId(), caller.accountAdministrator() ? null : caller.userId());
    }

    /** Whether the caller sees everything of the account (its administrators). */
    public boolean wholeAccount() {
        return userId == null;
    }

    /** Whether the caller sees an organization, given whether they hold a grant on it. */
    public boolean seesNamespace(Namespace namespace, boolean granted) {
        return namespace.accountId().equals(accountId)
                && (wholeAccount() || namespace.creatorId().equals(userId) || granted);
    }

    /** Whether the caller sees a repository, given their grants on it and its organization and a valid share. */
    public boolean seesRepository(Namespace namespace, boolean namespaceGranted, ImageRepository repository,
                                  boolean repositoryGranted, boolean shared) {
        if (repository.isPublic() || shared) {
            return true;
        }
        return repository.accountId().equals(accountId) && (seesNamespace(namespace, namespaceGranted) || repositoryGranted);
    }
}
