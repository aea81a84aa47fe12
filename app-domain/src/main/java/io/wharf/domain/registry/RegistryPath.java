package io.wharf.domain.registry;

import io.wharf.domain.error.WharfException;
import io.wharf.domain.namespace.NamespaceName;
import io.wharf.domain.repository.RepositoryName;

/**
 * A repository as the registry API names it, {@code <organization>/<repository>} where the repository part may
 * itself contain {@code /}: the first component is the organization, the rest the repository name.
 */
public record RegistryPath(NamespaceName namespace, RepositoryName repository) {

    public static RegistryPath parse(String name) {
        int slash = name == null ? -1 : name.indexOf('/');
        if (slash <= 0 || slash == name.length() - 1) {
            throw WharfException.invalid("repository",
                    "An image name is <organization>/<repository>: " + name);
        }
        return new RegistryPath(new NamespaceName(name.substring(0, slash)),
                new RepositoryName(name.substring(slash + 1)));
    }

    @Override
    public String toString() {
        return namespace.value() + "/" + repository.value();
    }
}
