package io.wharf.domain.scan;

import java.util.List;

/** The imported advisories that name a package of an ecosystem (by the name advisories use for it). */
@FunctionalInterface
public interface AdvisoryLookup {
    List<Advisory> affecting(String ecosystem, String packageName);
}
