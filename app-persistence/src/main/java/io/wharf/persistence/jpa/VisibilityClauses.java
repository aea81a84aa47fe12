package io.wharf.persistence.jpa;

/**
 * The domain's {@link io.wharf.domain.permission.Visibility} rule as JPQL, written once for every list: organizations,
 * repositories, the registry's catalog and the HSS image list. Parameters: {@code :account} (the caller's account),
 * {@code :user} (only when the caller does not see the whole account) and {@code :now} (for shares).
 */
final class VisibilityClauses {
    private VisibilityClauses() {
    }

    /** A user's grant on the organization {@code n}. */
    private static String namespaceGrant(String n) {
        return "exists (select 1 from GrantRow g where g.scope = 'NAMESPACE' and g.targetId = " + n
                + ".id and g.userId = :user)";
    }

    /** A user's grant on the repository {@code r}. */
    private static String repositoryGrant(String r) {
        return "exists (select 1 from GrantRow g where g.scope = 'REPOSITORY' and g.targetId = " + r
                + ".id and g.userId = :user)";
    }

    /**
     * Organizations {@code n} of the account the caller sees; {@code throughRepositories} adds those in which the user
     * holds a grant on a repository only (the SWR list's {@code mode::visible}).
     */
    static String namespaces(String n, boolean wholeAccount, boolean throughRepositories) {
        String clause = n + ".accountId = :account";
        if (wholeAccount) {
            return clause;
        }
        return clause + " and (" + n + ".creatorId = :user or " + namespaceGrant(n)
                + (throughRepositories ? " or exists (select 1 from GrantRow g, ImageRepositoryRow r where"
                + " g.scope = 'REPOSITORY' and g.targetId = r.id and r.namespaceId = " + n + ".id and g.userId = :user)" : "")
                + ")";
    }

    /** Repositories {@code r} of the account the caller sees: public ones, those of organizations seen, those granted. */
    static String ownRepositories(String r, boolean wholeAccount) {
        String clause = r + ".accountId = :account";
        if (wholeAccount) {
            return clause;
        }
        return clause + " and (" + r + ".isPublic = true or " + r + ".namespaceId in (select n.id from NamespaceRow n"
                + " where " + namespaces("n", false, false) + ") or " + repositoryGrant(r) + ")";
    }

    /** Repositories {@code r} shared with the caller's account by a share whose deadline has not passed. */
    static String sharedRepositories(String r) {
        return "exists (select 1 from AccessDomainRow s where s.repositoryId = " + r + ".id and s.accountId = :account"
                + " and (s.deadline is null or s.deadline > :now))";
    }
}
