package io.wharf.domain.scan;

/**
 * A package found in an image: its ecosystem in OSV's spelling ({@code Debian:12}, {@code Alpine:v3.19}, {@code Maven},
 * {@code npm}, {@code PyPI}, {@code Go}), name and version; the name and version advisories know it by (a distribution
 * package's source package, {@code openssl} for {@code libssl3}; otherwise the same); its package URL; and the file that
 * names it.
 */
public record Component(String ecosystem, String name, String version, String source, String sourceVersion,
                        String purl, String location) {

    /** A package advisories name as it is named itself. */
    public static Component of(String ecosystem, String name, String version, String purl, String location) {
        return new Component(ecosystem, name, version, name, version, purl, location);
    }

    public Component withEcosystem(String resolved, String resolvedPurl) {
        return new Component(resolved, name, version, source, sourceVersion, resolvedPurl, location);
    }
}
