package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.account.User;
import io.wharf.domain.account.UserName;
import io.wharf.domain.account.Users;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.permission.Grant;
import io.wharf.domain.permission.Grants;
import io.wharf.domain.permission.Permission;
import io.wharf.domain.repository.ImageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Organization and repository permissions: users of the owning account given 7 (manage), 3 (edit) or 1 (read).
 * Granting, changing and removing needs manage on the target; reading needs any right on it.
 */
@ApplicationScoped
@UseCase
public class PermissionService {
    @Inject
    RepositoryAccess access;
    @Inject
    Grants grants;
    @Inject
    Users users;

    protected PermissionService() {
    }

    /** For tests over in-memory ports. */
    PermissionService(RepositoryAccess access, Grants grants, Users users) {
        this.access = access;
        this.grants = grants;
        this.users = users;
    }

    /** A user, named by id and name as IAM gives them, and the right to give. */
    public record UserAuth(String userId, String userName, int auth) {
    }

    private record Target(Grant.Scope scope, long id, String name, String creatorName, String accountId,
                          Permission callerRight) {
    }

    private Target namespace(Caller caller, String namespace) {
        Namespace ns = access.visibleNamespace(caller, namespace);
        return new Target(Grant.Scope.NAMESPACE, ns.id(), ns.name().value(), ns.creatorName(), ns.accountId(),
                access.rightOn(caller, ns).orElseThrow());
    }

    private Target repository(Caller caller, String namespace, String repository) {
        RepositoryAccess.Located located = access.locate(caller, namespace, repository);
        ImageRepository repo = located.repository();
        if (!repo.accountId().equals(caller.accountId())) {
            throw WharfException.forbidden("Only users of the owning account hold permissions on "
                    + repo.path() + ".");
        }
        return new Target(Grant.Scope.REPOSITORY, repo.id(), repo.name().value(), repo.creatorName(), repo.accountId(),
                located.right());
    }

    public void grantOnNamespace(Caller caller, String namespace, List<UserAuth> auths) {
        grants.add(grants(requireManage(namespace(caller, namespace)), auths));
    }

    public void grantOnRepository(Caller caller, String namespace, String repository, List<UserAuth> auths) {
        grants.add(grants(requireManage(repository(caller, namespace, repository)), auths));
    }

    /** The console's form: a user named inside the owning account, and the right to give. */
    public void grantOnRepositoryByName(Caller caller, String namespace, String repository, String userName, int auth) {
        grantByName(requireManage(repository(caller, namespace, repository)), userName, auth);
    }

    public void grantOnNamespaceByName(Caller caller, String namespace, String userName, int auth) {
        grantByName(requireManage(namespace(caller, namespace)), userName, auth);
    }

    private void grantByName(Target target, String userName, int auth) {
        User user = users.byName(target.accountId(), new UserName(userName)).orElseThrow(() -> WharfException.unknownReference(
                Subject.USER, "user_name", "No user " + userName + " in this account."));
        grants.add(grants(target, List.of(new UserAuth(user.id(), user.name().value(), auth))));
    }

    public void updateOnNamespace(Caller caller, String namespace, List<UserAuth> auths) {
        grants.update(grants(requireManage(namespace(caller, namespace)), auths));
    }

    public void updateOnRepository(Caller caller, String namespace, String repository, List<UserAuth> auths) {
        grants.update(grants(requireManage(repository(caller, namespace, repository)), auths));
    }

    public void revokeOnNamespace(Caller caller, String namespace, List<String> userIds) {
        Target target = requireManage(namespace(caller, namespace));
        grants.remove(target.scope(), target.id(), userIds);
    }

    public void revokeOnRepository(Caller caller, String namespace, String repository, List<String> userIds) {
        Target target = requireManage(repository(caller, namespace, repository));
        grants.remove(target.scope(), target.id(), userIds);
    }

    public AccessView onNamespace(Caller caller, String namespace) {
        return view(caller, namespace(caller, namespace));
    }

    public AccessView onRepository(Caller caller, String namespace, String repository) {
        return view(caller, repository(caller, namespace, repository));
    }

    private AccessView view(Caller caller, Target target) {
        Grant self = new Grant(target.scope(), target.id(), caller.userId(), caller.userName(), target.callerRight());
        List<Grant> others = grants.of(target.scope(), target.id()).stream()
                .filter(g -> !g.userId().equals(caller.userId())).toList();
        return new AccessView(target.id(), target.name(), target.creatorName(), self, others);
    }

    private static Target requireManage(Target target) {
        if (!target.callerRight().includes(Permission.MANAGE)) {
            throw WharfException.forbidden("You need the manage right on " + target.name() + ".");
        }
        return target;
    }

    /** Checks every entry before anything is stored: known users of the owning account, named right, once each. */
    private List<Grant> grants(Target target, List<UserAuth> auths) {
        if (auths == null || auths.isEmpty()) {
            throw WharfException.invalid("body", "The body is a non-empty array of {user_id, user_name, auth}.");
        }
        Set<String> seen = new HashSet<>();
        return auths.stream().map(a -> {
            if (a == null || a.userId() == null || a.userName() == null) {
                throw WharfException.invalid("body", "Every entry needs user_id, user_name and auth.");
            }
            User user = users.byId(a.userId()).filter(u -> u.accountId().equals(target.accountId()))
                    .filter(u -> u.name().value().equals(a.userName()))
                    .orElseThrow(() -> WharfException.unknownReference(Subject.USER, "user_name", "No user " + a.userName()
                            + " with id " + a.userId() + " in this account."));
            if (!seen.add(user.id())) {
                throw WharfException.invalid("user_id", "The user " + a.userName() + " is listed twice.");
            }
            return new Grant(target.scope(), target.id(), user.id(), user.name().value(), Permission.ofAuth(a.auth()));
        }).toList();
    }
}
