package io.wharf.domain.scan;

import java.time.Instant;
import java.util.List;

/**
 * One advisory of a vulnerability feed, in the OSV schema's terms: its id and aliases (the CVE names), what it says,
 * its CVSS vectors, its links, and the packages it affects.
 */
public record Advisory(String id, List<String> aliases, String summary, String details, List<String> cvssVectors,
                       List<String> references, Instant modified, List<AffectedPackage> affected) {
    public Advisory {
        aliases = List.copyOf(aliases);
        cvssVectors = List.copyOf(cvssVectors);
        references = List.copyOf(references);
        affected = List.copyOf(affected);
    }

    /** The CVE this advisory is, or names among its aliases; otherwise its own id. */
    public String cveId() {
        if (id.startsWith("CVE-")) {
            return id;
        }
        return aliases.stream().filter(a -> a.startsWith("CVE-")).findFirst().orElse(id);
    }
}
