package io.wharf.domain.scan;

/**
 * A package found in an image: its ecosystem in OSV's spelling ({@code Debian:12}, {@code Alpine:v3.19}, {@code Maven},
 * {@code npm}, {@code PyPI}, {@code Go}), name, version, package URL, and where it was found (the file that names it).
 */
public record Component(String ecosystem, String name, String version, String purl, String location) {
}
