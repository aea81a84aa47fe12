package io.wharf.web.fakes;

import io.wharf.domain.account.Caller;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.permission.Grant;
import io.wharf.domain.permission.Permission;
import io.wharf.domain.repository.Category;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.RepositoryDetails;
import io.wharf.domain.repository.RepositoryName;
import io.wharf.web.application.RepositoryAccess;

import java.util.List;

/**
 * Two accounts over in-memory ports, for the use cases of organizations, repositories, shares and permissions:
 * account a with its administrator and a plain member, account b with its administrator.
 */
public final class InMemoryTenants {
    public static final Caller ADMIN = new Caller("alice", "alice", "acct-a", "a", "pa", true, false);
    public static final Caller MEMBER = new Caller("mike", "mike", "acct-a", "a", "pa", false, false);
    public static final Caller OUTSIDER = new Caller("bob", "bob", "acct-b", "b", "pb", true, false);

    public final InMemoryNamespaces namespaces = new InMemoryNamespaces();
    public final InMemoryImageRepositories repositories = new InMemoryImageRepositories();
    public final InMemoryImageTags tags = new InMemoryImageTags();
    public final InMemoryAccessDomains shares = new InMemoryAccessDomains();
    public final InMemoryGrants grants = new InMemoryGrants();
    public final InMemoryAccounts accounts = InMemoryAccounts.of(ADMIN, OUTSIDER);
    public final InMemoryUsers users = InMemoryUsers.of(ADMIN, MEMBER, OUTSIDER);
    public final RepositoryAccess access = new RepositoryAccess(namespaces, repositories, shares, grants);

    /** An organization created by account a's administrator. */
    public Namespace organization(String name) {
        return namespaces.add(new NamespaceName(name), ADMIN.accountId(), ADMIN.userId(), ADMIN.userName());
    }

    /** A repository in one of account a's organizations, created by its administrator. */
    public ImageRepository repository(Namespace namespace, String name, boolean isPublic) {
        return repositories.add(namespace, new RepositoryName(name), new RepositoryDetails(Category.OTHER, "", isPublic),
                ADMIN.userId(), ADMIN.userName());
    }

    public void grant(Caller user, Grant.Scope scope, long targetId, Permission right) {
        grants.add(List.of(new Grant(scope, targetId, user.userId(), user.userName(), right)));
    }
}
