package io.wharf.domain.namespace;

/**
 * How many image repositories an organization holds: an organization that still holds any cannot be deleted.
 */
public interface ImageRepositoryCount {
    long inNamespace(long namespaceId);
}
