package io.wharf.web.application;

import io.wharf.domain.account.Caller;
import io.wharf.domain.error.Subject;
import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.Namespace;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.namespace.Namespaces;
import io.wharf.domain.permission.AccessPolicy;
import io.wharf.domain.permission.Grant;
import io.wharf.domain.permission.Grants;
import io.wharf.domain.permission.Permission;
import io.wharf.domain.repository.ImageRepositories;
import io.wharf.domain.repository.ImageRepository;
import io.wharf.domain.repository.RepositoryName;
import io.wharf.domain.share.AccessDomains;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;

/**
 * Finds organizations and repositories for a caller together with the right they hold on them (standing, grants,
 * public, or a valid share), so that every use case asks {@link AccessPolicy} the same way. Runs inside the callers' transactions.
 */
@ApplicationScoped
public class RepositoryAccess {
    @Inject
    Namespaces namespaces;
    @Inject
    ImageRepositories repositories;
    @Inject
    AccessDomains shares;
    @Inject
    Grants grants;

    private final AccessPolicy policy = new AccessPolicy();

    protected RepositoryAccess() {
    }

    /** For tests over in-memory ports. */
    public RepositoryAccess(Namespaces namespaces, ImageRepositories repositories, AccessDomains shares, Grants grants) {
        this.namespaces = namespaces;
        this.repositories = repositories;
        this.shares = shares;
        this.grants = grants;
    }

    /** A repository with the right the caller holds on it. */
    public record Located(Namespace namespace, ImageRepository repository, Permission right) {

        /** Refuses with 403 unless the caller's right includes {@code needed}. */
        public Located require(Permission needed) {
            if (!right.includes(needed)) {
                throw WharfException.forbidden("You need the " + needed.name().toLowerCase()
                        + " right on image repository " + repository.path() + ".");
            }
            return this;
        }
    }

    /** The repository if the caller may read it; otherwise it looks exactly like a missing one. */
    public Located locate(Caller caller, String namespace, String repository) {
        NamespaceName nsName = new NamespaceName(namespace);
        RepositoryName name = RepositoryName.fromPath(repository);
        WharfException notFound = WharfException.notFound(Subject.REPOSITORY,
                "The image repository " + nsName + "/" + name + " does not exist.");
        ImageRepository found = repositories.byName(nsName, name).orElseThrow(() -> notFound);
        Namespace ns = namespaces.byName(nsName).orElseThrow(() -> notFound);
        boolean sameAccount = found.accountId().equals(caller.accountId());
        boolean shared = !sameAccount && shares.grantsRead(found.id(), caller.accountId(), Instant.now());
        Permission right = policy.rightOn(caller, ns, granted(caller, Grant.Scope.NAMESPACE, ns.id(), ns), found,
                        granted(caller, Grant.Scope.REPOSITORY, found.id(), ns), shared)
                .orElseThrow(() -> notFound);
        return new Located(ns, found, right);
    }

    /** The organization if the caller holds a right on it; otherwise it looks exactly like a missing one. */
    public Namespace visibleNamespace(Caller caller, String namespace) {
        NamespaceName valid = new NamespaceName(namespace);
        return namespaces.byName(valid).filter(n -> rightOn(caller, n).isPresent())
                .orElseThrow(() -> WharfException.notFound(Subject.ORGANIZATION,
                        "The organization " + valid + " does not exist."));
    }

    /** The caller's right on an organization, grants counted. */
    public Optional<Permission> rightOn(Caller caller, Namespace namespace) {
        return policy.rightOn(caller, namespace, granted(caller, Grant.Scope.NAMESPACE, namespace.id(), namespace));
    }

    /** Refuses with 403 unless the caller's right on the organization includes {@code needed}. */
    public void require(Caller caller, Namespace namespace, Permission needed) {
        if (rightOn(caller, namespace).filter(held -> held.includes(needed)).isEmpty()) {
            throw WharfException.forbidden(
                    "You need the " + needed.name().toLowerCase() + " right on organization " + namespace.name() + ".");
        }
    }

    /** A grant matters only for a user of the owning account whose standing does not already give manage. */
    private Optional<Permission> granted(Caller caller, Grant.Scope scope, long targetId, Namespace namespace) {
        boolean needsLookup = namespace.accountId().equals(caller.accountId()) && !caller.accountAdministrator()
                && !namespace.creatorId().equals(caller.userId());
        return needsLookup ? grants.held(scope, targetId, caller.userId()) : Optional.empty();
    }
}
