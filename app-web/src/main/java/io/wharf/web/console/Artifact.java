package io.wharf.web.console;

import io.wharf.domain.repository.ImageTag;
import io.wharf.domain.repository.TagPulls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One image of a repository as its page lists it: the digest once, with every tag of the page that names it, so an
 * image tagged twice is counted and sized once.
 */
public record Artifact(String digest, List<String> tags, long size, String architectures, Instant pushedAt, long pulls,
                       Instant pulledAt) {
    /** Without pull counts (a page whose tags were never pulled). */
    static List<Artifact> of(List<ImageTag> tags) {
        return of(tags, Map.of());
    }

    /**
     * Groups a page of tags by digest, in the page's order; the newest push of a digest is its time, its pulls are
     * its tags' pulls added up, the latest of theirs its last pull.
     */
    static List<Artifact> of(List<ImageTag> tags, Map<String, TagPulls> pulls) {
        Map<String, List<ImageTag>> byDigest = new LinkedHashMap<>();
        tags.forEach(t -> byDigest.computeIfAbsent(t.digest(), d -> new ArrayList<>()).add(t));
        return byDigest.values().stream().map(same -> new Artifact(same.get(0).digest(),
                same.stream().map(ImageTag::tag).toList(), same.get(0).size(),
                same.get(0).architectures() == null ? "" : same.get(0).architectures(),
                same.stream().map(ImageTag::updatedAt).max(Instant::compareTo).orElse(null),
                same.stream().mapToLong(t -> pulls.getOrDefault(t.tag(), TagPulls.NEVER).count()).sum(),
                same.stream().map(t -> pulls.getOrDefault(t.tag(), TagPulls.NEVER).lastPulledAt())
                        .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null))).toList();
    }

    /** The digest's short form for narrow places ("sha256:" and 12 hex digits), the full one beside it. */
    public String shortDigest() {
        int colon = digest.indexOf(':');
        return digest.length() > colon + 13 ? digest.substring(0, colon + 13) : digest;
    }
}
