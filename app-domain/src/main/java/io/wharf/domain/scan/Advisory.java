package io.wharf.domain.scan;

import java.time.Instant;
import java.util.List;

/**
 * One advisory of a vulnerability feed, in the OSV schema's terms: its id and aliases (the CVE names), what it says,
 * its CVSS vectors (v2, v3 or v4), the severity word its source gives when it has no vector (GHSA's
 * {@code database_specific.severity}, Ubuntu's priority), its links, when it was last changed and first published (the
 * Unix epoch when it does not say), whether it was withdrawn, and the packages it affects.
 */
public record Advisory(String id, List<String> aliases, String summary, String details, List<String> cvssVectors,
                       String severityLabel, List<String> references, Instant modified, Instant published,
                       boolean withdrawn, List<AffectedPackage> affected) {
    public Advisory {
        aliases = List.copyOf(aliases);
        cvssVectors = List.copyOf(cvssVectors);
        references = List.copyOf(references);
        affected = List.copyOf(affected);
    }

    /** An advisory in force, with no severity word and never republished. */
    public Advisory(String id, List<String> aliases, String summary, String details, List<String> cvssVectors,
                    List<String> references, Instant modified, List<AffectedPackage> affected) {
        this(id, aliases, summary, details, cvssVectors, "", references, modified, modified, false, affected);
    }

    /** The CVE this advisory is, or names among its aliases; otherwise its own id. */
    public String cveId() {
        if (id.startsWith("CVE-")) {
            return id;
        }
        return aliases.stream().filter(a -> a.startsWith("CVE-")).findFirst().orElse(id);
    }
}
