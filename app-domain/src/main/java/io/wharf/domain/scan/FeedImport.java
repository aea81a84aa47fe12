package io.wharf.domain.scan;

import java.time.Instant;

/** One import of a vulnerability feed: where from, when, how many advisories, and how it ended. */
public record FeedImport(long id, String source, String status, int advisoryCount, String message, Instant startedAt,
                         Instant finishedAt) {
    public static final String IMPORTED = "imported";
    public static final String REFUSED = "refused";
}
