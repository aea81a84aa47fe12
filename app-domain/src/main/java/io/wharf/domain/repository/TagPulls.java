package io.wharf.domain.repository;

import java.time.Instant;

/** How often a tag was pulled and when last (null: never). */
public record TagPulls(long count, Instant lastPulledAt) {
    public static final TagPulls NEVER = new TagPulls(0, null);
}
