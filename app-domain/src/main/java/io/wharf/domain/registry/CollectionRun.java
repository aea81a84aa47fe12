package io.wharf.domain.registry;

import java.time.Instant;

/**
 * One garbage collection: when it ran, whether the schedule or an administrator started it, and what it removed
 * (repository links past their grace period, blobs, and the bytes those held).
 */
public record CollectionRun(Instant startedAt, Instant finishedAt, boolean scheduled, int links, int blobs, long bytes) {
    /** How long it took. */
    public long millis() {
        return java.time.Duration.between(startedAt, finishedAt).toMillis();
    }
}
