package io.wharf.domain.permission;

/** A right given to one user of the account on one organization or one repository. */
public record Grant(Scope scope, long targetId, String userId, String userName, Permission auth) {

    /** What a grant is on. */
    public enum Scope {
        NAMESPACE, REPOSITORY
    }
}
