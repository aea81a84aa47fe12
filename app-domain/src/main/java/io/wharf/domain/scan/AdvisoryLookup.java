package io.wharf.domain.scan;

import java.util.List;
import java.util.Optional;

/** The imported advisories that name a package of an ecosystem (by the name advisories use for it), and by id. */
@FunctionalInterface
public interface AdvisoryLookup {
    List<Advisory> affecting(String ecosystem, String packageName);

    /** An advisory by its id (an alias of another, whose severity it may lend); none by default. */
    default Optional<Advisory> byId(String advisoryId) {
        return Optional.empty();
    }
}
