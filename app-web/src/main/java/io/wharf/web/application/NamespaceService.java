package io.wharf.web.application;

import io.wharf.domain.permission.Visibility;
import io.wharf.domain.account.Caller;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.namespace.NamespaceQuery;
import io.wharf.domain.namespace.Namespaces;
import io.wharf.domain.permission.Permission;
import io.wharf.domain.repository.ImageRepositories;
import jakarta.enterprise.context.ApplicationScoped;
import io.wharf.domain.quota.QuotaKey;
import jakarta.inject.Inject;

/** Organizations: create, list, show and delete, each checked against the caller's right. */
@ApplicationScoped
@UseCase
public class NamespaceService {
    @Inject
    Namespaces namespaces;
    @Inject
    ImageRepositories repositories;
    @Inject
    RepositoryAccess access;

    protected NamespaceService() {
    }

    @Inject
    QuotaCheck quotas = QuotaCheck.NONE;

    /** For tests over in-memory ports. */
    NamespaceService(Namespaces namespaces, ImageRepositories repositories, RepositoryAccess access) {
        this.namespaces = namespaces;
        this.repositories = repositories;
        this.access = access;
    }

    public Namespace create(Caller caller, String name) {
        NamespaceName valid = new NamespaceName(name);
        if (namespaces.byName(valid).isPresent()) {
            throw WharfException.exists(Subject.ORGANIZATION, "The organization " + valid + " already exists.");
        }
        quotas.requireRoom(caller.accountId(), QuotaKey.NAMESPACE, 1);
        return namespaces.add(valid, caller.accountId(), caller.userId(), caller.userName());
    }

    /** The organizations the caller holds a right on, optionally only names containing a text. */
    public Page<NamespaceView> list(Caller caller, String nameContains, PageRequest page) {
        return list(caller, nameContains, false, page);
    }

    /**
     * As {@link #list(Caller, String, PageRequest)}; {@code throughRepositories} ({@code mode::visible}) adds the
     * organizations the caller sees only through a repository granted to them, with {@code auth} 1.
     */
    public Page<NamespaceView> list(Caller caller, String nameContains, boolean throughRepositories, PageRequest page) {
        return list(caller, nameContains, throughRepositories, NamespaceQuery.Order.NAME, false, page);
    }

    /** As above, in the order asked for (the console's sortable columns). */
    public Page<NamespaceView> list(Caller caller, String nameContains, boolean throughRepositories,
                                    NamespaceQuery.Order order, boolean descending, PageRequest page) {
        String visibleTo = Visibility.of(caller).userId();
        NamespaceQuery query = new NamespaceQuery(caller.accountId(), visibleTo, throughRepositories, nameContains,
                order, descending, page.offset(), page.limit());
        return new Page<>(namespaces.list(query).stream()
                .map(n -> new NamespaceView(n, access.rightOn(caller, n).orElse(Permission.READ))).toList(),
                namespaces.count(query));
    }

    public NamespaceView show(Caller caller, String name) {
        Namespace namespace = access.visibleNamespace(caller, name);
        return new NamespaceView(namespace, access.rightOn(caller, namespace).orElseThrow());
    }

    /** Deletes an empty organization; one that still holds repositories is refused with 406. */
    public void delete(Caller caller, String name) {
        Namespace namespace = access.visibleNamespace(caller, name);
        access.require(caller, namespace, Permission.MANAGE);
        if (repositories.countInNamespace(namespace.id()) > 0) {
            throw WharfException.notEmpty(Subject.ORGANIZATION, "The organization " + name
                    + " cannot be deleted because it still holds image repositories; delete them first.");
        }
        namespaces.remove(namespace);
    }
}
