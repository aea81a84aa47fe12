package io.wharf.domain.scan;

import java.util.List;
import java.util.Optional;

/**
 * What administrators imported for matching: the advisories that name a package of an ecosystem (by the name
 * advisories use for it), advisories by id, and the Maven index of jars by SHA-1.
 */
@FunctionalInterface
public interface AdvisoryLookup {
    List<Advisory> affecting(String ecosystem, String packageName);

    /** An advisory by its id (an alias of another, whose severity it may lend); none by default. */
    default Optional<Advisory> byId(String advisoryId) {
        return Optional.empty();
    }

    /** {@code group:artifact:version} of a jar by its SHA-1, from the operator's Maven index; none by default. */
    default Optional<String> mavenCoordinates(String sha1) {
        return Optional.empty();
    }
}
