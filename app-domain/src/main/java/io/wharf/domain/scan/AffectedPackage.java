package io.wharf.domain.scan;

import java.util.List;

/**
 * A package an advisory affects: its ecosystem ({@code Debian:12}, {@code npm}...) and name, and which of its versions
 * — ranges of events, and an explicit list.
 */
public record AffectedPackage(String ecosystem, String name, List<AffectedRange> ranges, List<String> versions) {
    public AffectedPackage {
        ranges = List.copyOf(ranges);
        versions = List.copyOf(versions);
    }
}
