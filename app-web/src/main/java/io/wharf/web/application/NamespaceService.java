package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.SwrError;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.namespace.NamespaceQuery;
import io.wharf.domain.namespace.Namespaces;
import io.wharf.domain.permission.AccessPolicy;
import io.wharf.domain.permission.Permission;
import io.wharf.domain.repository.ImageRepositories;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Organizations: create, list, show and delete, each checked against the caller's right. */
@ApplicationScoped
@Transactional
public class NamespaceService {
    @Inject
    Namespaces namespaces;
    @Inject
    ImageRepositories repositories;

    private final AccessPolicy policy = new AccessPolicy();

    public Namespace create(Caller caller, String name) {
        NamespaceName valid = new NamespaceName(name);
        if (namespaces.byName(valid).isPresent()) {
            throw new WharfException(SwrError.ORGANIZATION_EXISTS, "The organization " + valid + " already exists.");
        }
        return namespaces.add(valid, caller.accountId(), caller.userId(), caller.userName());
    }

    /** The organizations the caller holds a right on, optionally only names containing a text. */
    public Page<NamespaceView> list(Caller caller, String nameContains, PageRequest page) {
        String createdBy = caller.accountAdministrator() ? null : caller.userId();
        NamespaceQuery query = new NamespaceQuery(caller.accountId(), createdBy, nameContains, page.offset(), page.limit());
        return new Page<>(namespaces.list(query).stream().map(n -> view(caller, n)).toList(), namespaces.count(query));
    }

    public NamespaceView show(Caller caller, String name) {
        return view(caller, visible(caller, name));
    }

    /** Deletes an empty organization; one that still holds repositories is refused with 406. */
    public void delete(Caller caller, String name) {
        Namespace namespace = visible(caller, name);
        require(caller, namespace, Permission.MANAGE);
        if (repositories.countInNamespace(namespace.id()) > 0) {
            throw new WharfException(SwrError.ORGANIZATION_NOT_EMPTY, "The organization " + name
                    + " cannot be deleted because it still holds image repositories; delete them first.");
        }
        namespaces.remove(namespace);
    }

    /**
     * The organization if the caller holds any right on it; otherwise it looks exactly like a missing one.
     * A malformed name is a 400 naming the broken rule.
     */
    private Namespace visible(Caller caller, String name) {
        NamespaceName valid = new NamespaceName(name);
        return namespaces.byName(valid)
                .filter(n -> policy.rightOn(caller, n).isPresent())
                .orElseThrow(() -> new WharfException(SwrError.ORGANIZATION_NOT_FOUND,
                        "The organization " + valid + " does not exist."));
    }

    private void require(Caller caller, Namespace namespace, Permission needed) {
        if (policy.rightOn(caller, namespace).filter(held -> held.includes(needed)).isEmpty()) {
            throw new WharfException(SwrError.FORBIDDEN,
                    "You need the " + needed.name().toLowerCase() + " right on organization " + namespace.name() + ".");
        }
    }

    private NamespaceView view(Caller caller, Namespace namespace) {
        return new NamespaceView(namespace, policy.rightOn(caller, namespace).orElseThrow());
    }
}
